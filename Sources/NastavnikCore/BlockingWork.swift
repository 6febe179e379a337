import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Work that blocks its thread for long (reading a database, a long computation), run on a thread
/// of its own rather than on one of the few threads (one a core) that run Swift's tasks: there it
/// would hold up the tasks that only wait and pass data on, such as a COPY's writer.
public enum BlockingWork {
    /// How a thread of work stands against the other threads of the machine.
    public enum Urgency: Sendable {
        /// Something waits on it: scheduled as any thread.
        case urgent
        /// Needed later: it runs when a core is free of urgent work, the database server's
        /// included (`yieldToUrgentWork`).
        case background
    }

    /// `work` on a new thread; its result or error when it ends.
    public static func run<T: Sendable>(
        _ urgency: Urgency = .urgent, _ work: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                if urgency == .background { yieldToUrgentWork() }
                continuation.resume(with: Result { try work() })
            }
            // SQLite and the planners recurse little, but the default 512 KiB of a secondary thread is tight.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Makes the calling thread background work for the rest of its life: on Linux its nice value
    /// goes up by 10, a weight of about a tenth of an ordinary thread's when they share a core.
    /// A push uses it so that, on a machine shared with the regional server, the table the server
    /// waits for is made first and the server copies it at full speed while the rest is made.
    public static func yieldToUrgentWork() {
        #if os(Linux)
            // Linux keeps a nice value per thread: `who` 0 is the calling thread (setpriority(2), «BUGS»).
            _ = setpriority(
                __priority_which_t(PRIO_PROCESS.rawValue), 0,
                getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) + 10)
        #endif
    }
}
