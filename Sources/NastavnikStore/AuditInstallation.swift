import Synchronization

/// Whether the audit triggers of a database's writing connection were installed: they are
/// installed on the connection's queue, ahead of every write (`NastavnikDatabase`), and a write
/// checks here first, so that a failed installation is reported rather than writing unrecorded.
final class AuditInstallation: Sendable {
    private let failure = Mutex<(any Error)?>(nil)

    /// Records that the installation failed.
    func failed(_ error: any Error) {
        failure.withLock { $0 = error }
    }

    /// Throws the installation's error, if it failed. Called on the writing connection's queue,
    /// where the installation ran before.
    func check() throws {
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
