import Foundation

/// A refusal or failure on the region's side, in Russian, never holding a password: front ends
/// show `message` as it is.
public struct RegionError: Error, LocalizedError, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var errorDescription: String? { message }
    public var description: String { message }
}
