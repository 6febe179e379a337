import NastavnikCore

/// Horizontal bars, one per item, with an optional target line.
public struct BarChart: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// This bar's own target, drawn as a mark across its row (Ставрополь's 30 % and 80 %
        /// in one chart); the chart's `target` applies to the bars without one.
        public var target: Double? = nil
    }
    public var title: String
    public var valueTitle: String
    public var items: [Item]
    /// Values are percentages (the axis runs to 100).
    public var percent: Bool = true
    /// A target drawn as a vertical line (for example the 100 % of the 3-year rule).
    public var target: Double?
}
