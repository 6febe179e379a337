import NastavnikCore

/// A grid of rows × columns coloured by value, with a legend.
public struct Heatmap: Sendable, Equatable {
    public var title: String
    public var rows: [String]
    public var columns: [String]
    /// `values[row][column]`; `nil` is "no data".
    public var values: [[Double?]]
    public var decimals: Int
    /// What the values mean, for the legend ("% педагогов с дефицитом").
    public var legend: String

    public init(
        title: String, rows: [String], columns: [String], values: [[Double?]], decimals: Int = 0, legend: String
    ) {
        self.title = title
        self.rows = rows
        self.columns = columns
        self.values = values
        self.decimals = decimals
        self.legend = legend
    }
}
