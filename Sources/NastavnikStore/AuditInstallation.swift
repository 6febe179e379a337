import Synchronization

/// Whether the audit triggers of a database's writing connection were installed: they are
/// installed on the connection's queue, ahead of every write (`NastavnikDatabase`), and a write
/// checks here first, so that a failed installation is reported rather than writing unrecorded.
final class AuditInstallation: Sendable {
    /// Whose changes the triggers record: the connection's own actor.
    let actor: AuditActor
    private let failure = Mutex<(any Error)?>(nil)
    private let begun = Mutex(false)
    private let done = Mutex(false)

    init(actor: AuditActor) {
        self.actor = actor
    }

    /// Calls `queue` (which queues the installation on the writing connection, and returns at
    /// once) the first time only, under the lock: a write asked for by another thread at the same
    /// moment finds the installation already queued ahead of it.
    func beginOnce(_ queue: () -> Void) {
        begun.withLock { begun in
            guard !begun else { return }
            begun = true
            queue()
        }
    }

    /// Whether the installation was begun (queued or run).
    var isBegun: Bool { begun.withLock { $0 } }

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
