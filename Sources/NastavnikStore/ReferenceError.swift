/// A reference in a row that names nothing, or more than one thing.
public struct ReferenceError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
