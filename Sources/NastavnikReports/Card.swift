/// A record shown as fields (key, label, value) with more tables after it: `staff show`, `schools show`.
public struct Card: Sendable {
    /// The title of the fields' table (empty: none).
    public var title: String = ""
    /// Each field's JSON key, label and value, in the order shown.
    public var fields: [(String, String, Cell)]
    /// The tables after the fields, each with its JSON key.
    public var more: [(String, ReportTable)] = []

    public init(title: String = "", fields: [(String, String, Cell)], more: [(String, ReportTable)] = []) {
        self.title = title
        self.fields = fields
        self.more = more
    }
}
