import Foundation

/// Work that blocks its thread for long (reading a database, a long computation), run on a thread
/// of its own rather than on one of the few threads (one a core) that run Swift's tasks: there it
/// would hold up the tasks that only wait and pass data on, such as a COPY's writer.
public enum BlockingWork {
    /// `work` on a new thread; its result or error when it ends.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            // SQLite and the planners recurse little, but the default 512 KiB of a secondary thread is tight.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
