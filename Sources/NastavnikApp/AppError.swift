import Foundation

/// A request a use case refuses, with the Russian sentence a front end shows as it is.
public struct AppError: Error, LocalizedError, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var errorDescription: String? { message }
    public var description: String { message }
}
