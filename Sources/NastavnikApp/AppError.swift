import Foundation

/// A use case's refusal the user can act on, in Russian («Школа с кодом «SV999» не найдена.»):
/// front ends show `message` as it is.
public struct AppError: Error, LocalizedError, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var errorDescription: String? { message }
    public var description: String { message }
}
