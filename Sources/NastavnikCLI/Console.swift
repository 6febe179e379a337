import Foundation

/// Where commands write. Tests swap in a buffer through the task-local `current`; the
/// executable writes to the process's standard output and error.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private var outBuffer: [UInt8]?
    private var errBuffer: [UInt8]?
    /// The lines a test gives as standard input (not a terminal), in order; `nil`: the process's.
    private var inputLines: [String]?

    /// A console writing to stdout and stderr.
    public static let standard = Console(capturing: false)

    @TaskLocal public static var current: Console = .standard

    /// A console; `capturing` keeps what is written, and `input` (with `capturing`) stands for
    /// standard input that is not a terminal.
    public init(capturing: Bool, input: String? = nil) {
        if capturing {
            outBuffer = []
            errBuffer = []
            inputLines =
                input.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
        }
    }

    /// Whether standard input is a terminal a person types at (never for a capturing console).
    public var inputIsTerminal: Bool { lock.withLock { inputLines == nil } && isatty(STDIN_FILENO) == 1 }

    /// One line of standard input without its line end, or `nil` at its end.
    public func readLine() -> String? {
        let given: String?? = lock.withLock {
            guard inputLines != nil else { return .none }
            return .some(inputLines!.isEmpty ? nil : inputLines!.removeFirst())
        }
        if let given { return given }
        return Swift.readLine(strippingNewline: true)
    }

    public func out(_ text: String) { write(Array(text.utf8), error: false) }
    public func err(_ text: String) { write(Array(text.utf8), error: true) }
    public func outBytes(_ bytes: [UInt8]) { write(bytes, error: false) }

    private func write(_ bytes: [UInt8], error: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if outBuffer != nil {
            if error { errBuffer! += bytes } else { outBuffer! += bytes }
            return
        }
        let handle = error ? FileHandle.standardError : FileHandle.standardOutput
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch let failure as NSError {
            // The reader went away (`… | head`): nothing more can be shown, and that is no fault
            // of the command's; quit quietly, as Unix tools do on a closed pipe. Any other failure
            // to write (a full disk) ends the command with an error status.
            let underlying = failure.userInfo[NSUnderlyingErrorKey] as? NSError
            exit(underlying?.code == Int(EPIPE) || failure.code == Int(EPIPE) ? 0 : 1)
        }
    }

    /// What was written to standard output (capturing consoles only).
    public var output: String { lock.withLock { String(decoding: outBuffer ?? [], as: UTF8.self) } }
    public var outputBytes: [UInt8] { lock.withLock { outBuffer ?? [] } }
    public var errors: String { lock.withLock { String(decoding: errBuffer ?? [], as: UTF8.self) } }
}
