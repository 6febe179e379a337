import Synchronization

/// Whether the audit triggers of a database's writing connection were installed: they are
/// installed on the connection's queue, ahead of every write (`NastavnikDatabase`), and a write
/// checks here first, so that a failed installation is reported rather than writing unrecorded.
final class AuditInstallation: Sendable {
    private let failure = Mutex<(any Error)?>(nil)
    private let done = Mutex(false)

    /// Records that the installation failed.
    func failed(_ error: any Error) {
        failure.withLock { $0 = error }
    }

    /// Records that the installation ran (whether or not it failed).
    func finished() {
        done.withLock { $0 = true }
    }

    /// Whether the installation has run.
    var isFinished: Bool { done.withLock { $0 } }

    /// Throws the installation's error, if it failed. Called on the writing connection's queue,
    /// where the installation ran before.
    func check() throws {
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
