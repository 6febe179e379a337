import Foundation

/// Why an argument type refused a value, for the Russian error message.
///
/// `ExpressibleByArgument.init?(argument:)` can only fail, not say why; the library then says
/// «The value … is invalid for …». A type records its reason here; `NastavnikCommand.runMain`
/// gives each run its own notes (task-local, so tests running at once do not mix), and the
/// translation appends the reason for the refused value.
final class ArgumentNotes: @unchecked Sendable {
    private let lock = NSLock()
    private var reasons: [String: String] = [:]

    @TaskLocal static var current: ArgumentNotes?

    /// Records why `value` was refused (no-op outside a `runMain`).
    static func refuse(_ value: String, because reason: String) {
        current?.record(value, reason)
    }

    private func record(_ value: String, _ reason: String) {
        lock.withLock { reasons[value] = reason }
    }

    func reason(for value: String) -> String? { lock.withLock { reasons[value] } }
}
