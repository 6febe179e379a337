import Foundation

/// Reads a file's records on a thread of its own, a few batches ahead of the importing thread:
/// splitting and decoding the file (a quarter of the importing thread's work on a large file)
/// overlaps with checking and mapping the rows already read.
///
/// `@unchecked Sendable`: the reader is used only by the prefetching thread from `init` until
/// `stop()` has joined it; the queue of batches is guarded by `condition`.
final class RecordPrefetcher<Source: RecordSource>: @unchecked Sendable {
    /// Records in file order, each with the field issues found while reading it.
    private struct Batch {
        var records = RawRecords()
        /// For each record, where its issues end in `issues`.
        var issueEnds: [Int] = []
        var issues: [CSVFieldIssue] = []
        /// What reading the record after the last one threw.
        var error: (any Error)?
        var isLast = false
    }

    private static var batchSize: Int { 256 }
    private static var queueLimit: Int { 4 }

    private let reader: Source
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var stopped = false
    private var running = true

    // The importing thread's batch and its place in it.
    private var current = Batch()
    private var index = 0
    private var ended = false

    /// Starts reading `reader`'s records from where it is.
    init(reader: Source) {
        self.reader = reader
        let thread = Thread { [self] in produce() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Moves to the next record; false at the end. Throws what reading it threw.
    func advance() throws -> Bool {
        while index == current.records.count {
            if let error = current.error {
                current.error = nil
                ended = true
                throw error
            }
            if current.isLast || ended {
                ended = true
                return false
            }
            condition.lock()
            while queue.isEmpty { condition.wait() }
            current = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            index = 0
        }
        index += 1
        return true
    }

    /// The field issues found while reading the current record.
    var issues: ArraySlice<CSVFieldIssue> {
        let at = index - 1
        return current.issues[(at == 0 ? 0 : current.issueEnds[at - 1])..<current.issueEnds[at]]
    }

    /// The current record's first physical line.
    var line: Int { current.records.line(index - 1) }

    /// The current record as strings.
    func record() -> CSVRecord { current.records.record(index - 1) }

    /// Calls `body` with the current record in place.
    func withRaw<R>(_ body: (RawRecord) throws -> R) rethrows -> R {
        try current.records.withRecord(index - 1, body)
    }

    /// The next record with the field issues found while reading it, or `nil` at the end;
    /// throws what reading it threw.
    func next() throws -> (record: CSVRecord, issues: ArraySlice<CSVFieldIssue>)? {
        try advance() ? (record(), issues) : nil
    }

    /// Stops reading (if it has not ended) and waits for the thread: the reader is the
    /// caller's again. Safe to call more than once.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func produce() {
        var seen = reader.fieldIssues.count
        var done = false
        while !done {
            var batch = Batch()
            batch.records.reserve(records: Self.batchSize, bytes: Self.batchSize * 160)
            batch.issueEnds.reserveCapacity(Self.batchSize)
            while batch.records.count < Self.batchSize {
                do {
                    guard try reader.read(into: &batch.records) else {
                        batch.isLast = true
                        break
                    }
                } catch {
                    batch.error = error
                    batch.isLast = true
                    break
                }
                if reader.fieldIssues.count > seen {
                    batch.issues += reader.fieldIssues[seen...]
                    seen = reader.fieldIssues.count
                }
                batch.issueEnds.append(batch.issues.count)
            }
            done = batch.isLast
            condition.lock()
            while queue.count >= Self.queueLimit && !stopped { condition.wait() }
            if stopped { done = true } else { queue.append(batch) }
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
