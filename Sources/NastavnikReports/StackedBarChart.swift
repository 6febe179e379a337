import NastavnikCore

/// Bars split into coloured segments, one per series, with a legend.
public struct StackedBarChart: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var values: [Double]
    }
    public var title: String
    public var series: [String]
    public var items: [Item]
}
