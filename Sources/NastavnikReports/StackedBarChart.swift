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
    /// The series' colours (CSS), where their meaning fixes them (the roadmap's statuses); else the palette's.
    public var colors: [String] = []
}
