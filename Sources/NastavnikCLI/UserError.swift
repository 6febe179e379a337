import Foundation

/// An error the user can act on; printed in Russian without a stack of details.
struct UserError: Error, LocalizedError, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
    var description: String { message }
}
