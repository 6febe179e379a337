/// The stored person a СНИЛС belongs to: their key (`staff.person_key`) and how a message
/// names them.
public struct SNILSHolder: Sendable, Equatable {
    public var personKey: String
    public var display: String

    public init(personKey: String, display: String) {
        self.personKey = personKey
        self.display = display
    }
}
