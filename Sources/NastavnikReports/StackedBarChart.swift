import NastavnikCore

/// Bars split into coloured segments, one per series, with a legend.
public struct StackedBarChart: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var values: [Double]
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }
    public var title: String
    public var series: [String]
    public var items: [Item]

    public init(title: String, series: [String], items: [Item]) {
        self.title = title
        self.series = series
        self.items = items
    }
}
