import NastavnikCore

/// A grid of rows × columns coloured by value, with a legend.
public struct Heatmap: Sendable, Equatable {
    public var title: String
    public var rows: [String]
    public var columns: [String]
    /// `values[row][column]`; `nil` is "no data".
    public var values: [[Double?]]
    public var decimals: Int = 0
    /// What the values mean, for the legend ("% педагогов с дефицитом").
    public var legend: String
}
