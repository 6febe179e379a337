import NastavnikCore

/// Horizontal bars, one per item, with an optional target line.
public struct BarChart: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var value: Double
    }
    public var title: String
    public var valueTitle: String
    public var items: [Item]
    /// Values are percentages (the axis runs to 100).
    public var percent: Bool = true
    /// A target drawn as a vertical line (for example the 100 % of the 3-year rule).
    public var target: Double?
}
