/// One figure of an overview (a tile): its value, what it counts, and the list behind it.
struct FigureView: Sendable {
    var label: String
    var value: String
    /// The list behind the figure.
    var href: String?
    /// A line under the value (a target, a base).
    var note: String?
    /// The figure is bad news (overdue, below a target): shown as a warning.
    var alert = false
}
