import Foundation

/// A setting's value that cannot be taken, with a Russian message.
public struct SettingError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
