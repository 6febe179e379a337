import Foundation

/// The rule against guessing passwords (issue 19): after `maximumFailures` failed logins in a
/// row a login is locked for `lockMinutes`; a successful login clears the count. Both numbers
/// are settings (`Settings.accountsLockoutFailures`, `Settings.accountsLockoutMinutes`).
public struct LoginThrottle: Sendable, Equatable {
    /// Failed logins in a row that lock the login; 5 by default.
    public var maximumFailures: Int
    /// How long the lock lasts, in minutes; 15 by default.
    public var lockMinutes: Int

    public init(maximumFailures: Int = 5, lockMinutes: Int = 15) {
        self.maximumFailures = max(1, maximumFailures)
        self.lockMinutes = max(0, lockMinutes)
    }

    /// An account's count of failed logins and its lock.
    public struct State: Sendable, Equatable {
        public var failedCount: Int
        public var lockedUntil: Date?

        public init(failedCount: Int = 0, lockedUntil: Date? = nil) {
            self.failedCount = failedCount
            self.lockedUntil = lockedUntil
        }
    }

    /// The end of the lock in force at `now`, or `nil` when the login may be tried.
    public func lock(of state: State, at now: Date) -> Date? {
        guard let until = state.lockedUntil, now < until else { return nil }
        return until
    }

    /// The state after a failed login at `now`: one more failure; the `maximumFailures`-th locks
    /// the login until `now + lockMinutes` and starts the count again. A failure after an
    /// expired lock counts from zero.
    public func failed(_ state: State, at now: Date) -> State {
        let expired = state.lockedUntil.map { now >= $0 } ?? false
        let count = (expired ? 0 : state.failedCount) + 1
        if count >= maximumFailures {
            return State(failedCount: 0, lockedUntil: now.addingTimeInterval(TimeInterval(lockMinutes * 60)))
        }
        return State(failedCount: count, lockedUntil: expired ? nil : state.lockedUntil)
    }

    /// The state after a successful login: no failures, no lock.
    public func succeeded(_ state: State) -> State { State() }
}
