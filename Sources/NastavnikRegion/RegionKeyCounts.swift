import Foundation

/// How many times each key (a run of bytes) has been met: an open-addressing hash table over one
/// arena of the keys' bytes, so that 100,000 keys cost no `String` and no allocation of their own.
/// A table's writer refuses a key met twice with it; the trainings' keys are numbered with it.
public struct RegionKeyCounts: Sendable {
    // The keys' bytes one after another; key i is arena[starts[i]..<starts[i + 1]].
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [Int] = []
    private var counts: [Int] = []
    // Each slot 0 (empty) or a key's index + 1; the capacity a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    public init() {}

    /// How many different keys.
    public var count: Int { counts.count }

    /// Counts `key` once more and returns how many times it has now been met (1 the first time).
    public mutating func add(_ key: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: key)
        let hash = hasher.finalize()
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if hashes[index] == hash, equals(index, key) {
                counts[index] += 1
                return counts[index]
            }
            slot = (slot + 1) & mask
        }
        arena.append(contentsOf: key)
        starts.append(arena.count)
        hashes.append(hash)
        counts.append(1)
        slots[slot] = Int32(truncatingIfNeeded: counts.count)
        if counts.count * 2 > slots.count { grow() }
        return 1
    }

    /// `add(_:)` of a key's bytes given as an array.
    public mutating func add(_ key: [UInt8]) -> Int {
        key.withUnsafeBytes { add($0) }
    }

    private func equals(_ index: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = starts[index]
        let length = starts[index + 1] - start
        guard length == key.count else { return false }
        guard length > 0 else { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + start, key.baseAddress!, length) == 0 }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for index in hashes.indices {
            var slot = hashes[index] & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(truncatingIfNeeded: index + 1)
        }
        slots = bigger
    }
}
