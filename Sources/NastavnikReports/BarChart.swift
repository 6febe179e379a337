import NastavnikCore

/// Horizontal bars, one per item, with an optional target line.
public struct BarChart: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }
    public var title: String
    public var valueTitle: String
    public var items: [Item]
    /// Values are percentages (the axis runs to 100).
    public var percent: Bool
    /// A target drawn as a vertical line (for example the 100 % of the 3-year rule).
    public var target: Double?

    public init(title: String, valueTitle: String, items: [Item], percent: Bool = true, target: Double? = nil) {
        self.title = title
        self.valueTitle = valueTitle
        self.items = items
        self.percent = percent
        self.target = target
    }
}
