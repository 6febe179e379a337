import Foundation
import ZIPFoundation

/// One entry of a ZIP archive, inflated on a thread of its own and handed over in chunks: the
/// sheet of a large workbook is read with a few chunks in memory, and inflating it overlaps with
/// reading its XML.
///
/// `@unchecked Sendable`: the producing thread has its own `Archive`; the queue of chunks and the
/// flags are touched only under `condition`.
final class ZIPEntryStream: @unchecked Sendable {
    /// Thrown into ZIPFoundation's consumer to stop inflating when the reader has stopped.
    private struct Stopped: Error {}

    private static let queueLimit = 8

    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var finished = false
    private var failure: (any Error)?
    private var stopped = false
    private var running = true

    /// Starts inflating entry `path` of the archive at `url`, `chunkSize` bytes at a time.
    init(url: URL, path: String, chunkSize: Int = 1 << 16) {
        let thread = Thread { [self] in produce(url: url, path: path, chunkSize: chunkSize) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The next chunk of the entry, `nil` at its end; throws what inflating it threw.
    func next() throws -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops inflating and waits for the thread. Safe to call more than once.
    func stop() {
        condition.lock()
        stopped = true
        chunks.removeAll()
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    deinit { stop() }

    private func produce(url: URL, path: String, chunkSize: Int) {
        var error: (any Error)?
        do {
            let archive = try Archive(url: url, accessMode: .read)
            guard let entry = archive[path] else { throw XLSXError.missingPart(path) }
            _ = try archive.extract(entry, bufferSize: chunkSize) { data in
                condition.lock()
                defer { condition.unlock() }
                while chunks.count >= Self.queueLimit && !stopped { condition.wait() }
                if stopped { throw Stopped() }
                chunks.append([UInt8](data))
                condition.broadcast()
            }
        } catch is Stopped {
        } catch let thrown {
            error = thrown
        }
        condition.lock()
        failure = error
        finished = true
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
