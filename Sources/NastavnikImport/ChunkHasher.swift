import Crypto
import Foundation
import NastavnikCore

/// SHA-256 of a file's chunks, computed on a thread of its own while the reader parses the next
/// chunk: hashing stays off the importing thread's path.
///
/// `@unchecked Sendable`: `hasher` is touched only on `queue`; `inFlight` bounds the chunks
/// waiting there, so memory stays a few chunks whatever the speed of either side.
final class ChunkHasher: @unchecked Sendable {
    private let queue = DispatchQueue(label: "nastavnik.import.sha256")
    private let inFlight = DispatchSemaphore(value: 4)
    private var hasher = SHA256()

    /// Queues a chunk; blocks while four are waiting.
    func update(_ chunk: [UInt8]) {
        inFlight.wait()
        queue.async { [self] in
            hasher.update(data: chunk)
            inFlight.signal()
        }
    }

    /// The digest of every chunk queued so far (waits for them), in lower-case hex.
    func hexDigest() -> String {
        queue.sync { HexDigest.hex(hasher.finalize()) }
    }
}
