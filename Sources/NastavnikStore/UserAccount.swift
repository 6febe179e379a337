import Foundation
import NastavnikCore

/// An account of the web interface, as the store keeps it (never with its password's hash).
public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    public var login: String
    /// «Фамилия И.О.», as the audit log names the account's changes.
    public var fullName: String
    public var role: Role
    /// The school of a `school` account (its code); `nil` for every other role.
    public var schoolCode: String?
    public var disabled: Bool
    /// Failed logins in a row since the last success or lock.
    public var failedCount: Int
    public var lockedUntil: Date?
    public var createdAt: Date

    public init(
        id: Int64, login: String, fullName: String, role: Role, schoolCode: String?, disabled: Bool = false,
        failedCount: Int = 0, lockedUntil: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.login = login
        self.fullName = fullName
        self.role = role
        self.schoolCode = schoolCode
        self.disabled = disabled
        self.failedCount = failedCount
        self.lockedUntil = lockedUntil
        self.createdAt = createdAt
    }
}
