/// An enum a user names by its stored name (`rawValue`), by its Russian title or by another
/// spelling listed in `aliases`: the one parsing shared by the statuses and kinds typed in
/// commands and read from files.
public protocol UserSpelled: RawRepresentable<String>, CaseIterable {
    /// The case's title in Russian, as tables show it.
    var russian: String { get }

    /// Other spellings of the case, written as `fold` returns them; none by default.
    var aliases: [String] { get }

    /// The form spellings are compared in; `CellValue.fold` by default.
    static func fold(_ text: String) -> String
}

extension UserSpelled {
    public var aliases: [String] { [] }

    public static func fold(_ text: String) -> String { CellValue.fold(text) }

    /// The case whose stored name is `text` exactly, else the one whose Russian title or alias
    /// it is (compared folded); `nil` for anything else, and for text over 300 bytes, which no
    /// spelling is (folding it would take long).
    public init?(userValue text: String) {
        guard text.utf8.count <= 300 else { return nil }
        if let value = Self(rawValue: text) {
            self = value
            return
        }
        let folded = Self.fold(text)
        guard let value = Self.allCases.first(where: { Self.fold($0.russian) == folded || $0.aliases.contains(folded) })
        else { return nil }
        self = value
    }
}
