import Foundation
import GRDB
import NastavnikCore

/// Writes planned rows on its own thread, in the order they were planned: the importing thread
/// reads, checks and plans row N+1 while this one binds and steps row N.
///
/// `@unchecked Sendable`: the queue is guarded by `condition`; the statements it steps belong to
/// a connection that the importing thread leaves alone between `startBackgroundWrites()` and
/// `finishBackgroundWrites()` (SQLite's multi-thread mode allows a connection on any thread,
/// one at a time), and `finish()` joins the thread before anyone touches the database again.
public final class BackgroundWriter: @unchecked Sendable {
    struct Item {
        let plan: KeyedWrite.Plan
        let line: Int
        let fields: [String]
    }

    /// A column value of a planned row; text lies in its batch's bytes.
    enum Cell {
        case null
        case integer(Int64)
        case real(Double)
        case text(offset: Int, count: Int)
    }

    /// Planned rows with their values packed on the planning thread into one buffer: the
    /// writer binds text where it lies, and neither thread allocates or releases a string per
    /// value (making `[SQLValue]` rows from `StaffMember`s, and freeing them on the other
    /// thread, was a quarter of the writer's time).
    @_spi(StaffBulkLoad) public struct Batch {
        var items: [Item] = []
        var cells: [Cell] = []
        var bytes: [UInt8] = []
        var count: Int { items.count }

        init() {
            items.reserveCapacity(BackgroundWriter.batchSize)
            cells.reserveCapacity(BackgroundWriter.batchSize * StaffBulkLoad.staffColumnCount)
            bytes.reserveCapacity(BackgroundWriter.batchSize * 160)
        }

        @_spi(StaffBulkLoad) public mutating func text(_ value: String) {
            let offset = bytes.count
            bytes.append(contentsOf: value.utf8)
            cells.append(.text(offset: offset, count: bytes.count - offset))
        }

        @_spi(StaffBulkLoad) public mutating func text(_ value: String?) {
            if let value { text(value) } else { cells.append(.null) }
        }

        /// Text given as its UTF-8 bytes.
        @_spi(StaffBulkLoad) public mutating func text(_ value: UnsafeBufferPointer<UInt8>) {
            let offset = bytes.count
            bytes.append(contentsOf: value)
            cells.append(.text(offset: offset, count: value.count))
        }

        /// A list's items joined with «; », as `list` joins them, given by their ranges in `value`.
        @_spi(StaffBulkLoad) public mutating func list(
            _ value: UnsafeBufferPointer<UInt8>, items: (_ each: (Range<Int>) -> Void) -> Void
        ) {
            let offset = bytes.count
            items { range in
                if bytes.count > offset {
                    bytes.append(UInt8(ascii: ";"))
                    bytes.append(UInt8(ascii: " "))
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[range]))
            }
            cells.append(.text(offset: offset, count: bytes.count - offset))
        }

        @_spi(StaffBulkLoad) public mutating func null() { cells.append(.null) }
        @_spi(StaffBulkLoad) public mutating func integer(_ value: Int64) { cells.append(.integer(value)) }
        @_spi(StaffBulkLoad) public mutating func real(_ value: Double?) {
            cells.append(value.map { .real($0) } ?? .null)
        }

        /// YYYY-MM-DD, as `LocalDate.iso` writes it.
        @_spi(StaffBulkLoad) public mutating func date(_ value: LocalDate?) {
            guard let value, (0...9999).contains(value.year) else { return text(value?.iso) }
            let offset = bytes.count
            let zero = UInt8(ascii: "0")
            let year = value.year
            bytes.append(zero + UInt8(year / 1000))
            bytes.append(zero + UInt8(year / 100 % 10))
            bytes.append(zero + UInt8(year / 10 % 10))
            bytes.append(zero + UInt8(year % 10))
            bytes.append(UInt8(ascii: "-"))
            bytes.append(zero + UInt8(value.month / 10))
            bytes.append(zero + UInt8(value.month % 10))
            bytes.append(UInt8(ascii: "-"))
            bytes.append(zero + UInt8(value.day / 10))
            bytes.append(zero + UInt8(value.day % 10))
            cells.append(.text(offset: offset, count: 10))
        }
    }

    /// What the writer did.
    public struct Outcome: Sendable {
        public var added = 0
        public var changed = 0
        public var unchanged = 0
        /// Rows the database refused: their line, the database's words and the row's cells.
        public var failures: [(line: Int, message: String, fields: [String])] = []
        /// Set when the database failed (see `TransactionAborted`); nothing after it was written.
        public var aborted: TransactionAborted?
    }

    private let condition = NSCondition()
    private var queue: [(Batch, KeyedWrite)] = []
    // The planning thread's own (the writer's thread sees only queued batches): no runtime
    // check of exclusive access on every row.
    @exclusivity(unchecked) private var batch = Batch()
    @exclusivity(unchecked) private var target: KeyedWrite?
    private var closed = false
    private var running = false
    /// The writer's thread is writing a batch it took off the queue.
    private var busy = false
    private var outcome = Outcome()
    private static let batchSize = 1024
    private static let queueLimit = 2

    init() {}

    /// Queues one planned write, its values (the key first) packed now by `pack` (batched;
    /// blocks while the writer is far behind).
    func submit(_ item: Item, to writer: KeyedWrite, pack: (inout Batch) -> Void) {
        if let target, target !== writer { flush() }
        target = writer
        batch.items.append(item)
        pack(&batch)
        if batch.count >= Self.batchSize { flush() }
    }

    private func flush() {
        guard let target, batch.count > 0 else { return }
        condition.lock()
        if !running {
            running = true
            let thread = Thread { [self] in work() }
            thread.stackSize = 1 << 20
            thread.start()
        }
        while queue.count >= Self.queueLimit { condition.wait() }
        queue.append((batch, target))
        condition.broadcast()
        condition.unlock()
        batch = Batch()
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            let (batch, writer) = queue.removeFirst()
            busy = true
            let stop = outcome.aborted != nil
            condition.broadcast()
            condition.unlock()
            var done = Outcome()
            if !stop {
                writer.apply(batch, columns: StaffBulkLoad.staffColumnCount) { index, result in
                    let item = batch.items[index]
                    do {
                        switch try result.get() {
                        case .added: done.added += 1
                        case .changed: done.changed += 1
                        case .unchanged: done.unchanged += 1
                        }
                    } catch var error as TransactionAborted {
                        error.line = item.line
                        done.aborted = error
                        return false
                    } catch let error as DatabaseError {
                        done.failures.append((item.line, error.russianDescription, item.fields))
                    } catch {
                        done.failures.append((item.line, "\(error)", item.fields))
                    }
                    return true
                }
            }
            condition.lock()
            outcome.added += done.added
            outcome.changed += done.changed
            outcome.unchanged += done.unchanged
            outcome.failures += done.failures
            if outcome.aborted == nil { outcome.aborted = done.aborted }
            busy = false
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Writes everything submitted so far and returns once the writer's thread is idle: the
    /// connection is then the calling thread's until the next `submit`.
    func drain() {
        flush()
        condition.lock()
        while !queue.isEmpty || busy { condition.wait() }
        condition.unlock()
    }

    /// Writes what is left, waits for the thread to end and returns what it did.
    func finish() -> Outcome {
        flush()
        condition.lock()
        closed = true
        condition.broadcast()
        while running { condition.wait() }
        let result = outcome
        condition.unlock()
        return result
    }
}
