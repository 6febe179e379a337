/// A column a kind of file may have: its English key and the Russian headers users write.
public struct ColumnSpec: Sendable {
    public let key: String
    public let headers: [String]
    public let required: Bool

    init(_ key: String, _ headers: [String], required: Bool = false) {
        self.key = key
        self.headers = headers
        self.required = required
    }

    /// The header shown to users in messages and templates.
    public var russianHeader: String { headers.first ?? key }
}
