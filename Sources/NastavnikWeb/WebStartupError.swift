import Foundation

/// Why the server could not start, in Russian for the administrator.
public struct WebStartupError: Error, LocalizedError {
    public let message: String
    init(_ message: String) { self.message = message }
    public var errorDescription: String? { message }
}
