import Foundation

/// What a login attempt came to (`NastavnikDatabase.checkLogin`).
public enum LoginOutcome: Sendable, Equatable {
    /// The password is right and the account may log in.
    case success(UserAccount)
    /// No account has this login.
    case unknownLogin
    /// The password is wrong (the failure is counted).
    case wrongPassword
    /// Too many failures: no password is tried until the moment given.
    case locked(until: Date)
    /// The password is right but the account is disabled.
    case disabled
}
