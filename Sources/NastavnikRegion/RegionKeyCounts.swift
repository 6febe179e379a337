import Foundation

/// How many times each key (a run of bytes) has been met: an open-addressing hash table over one
/// arena of the keys' bytes, so that 100,000 keys cost no `String` and no allocation of their own.
/// A table's writer refuses a key met twice with it; the trainings' keys are numbered with it.
public struct RegionKeyCounts: Sendable {
    // The keys' bytes one after another; key i is arena[starts[i]..<starts[i + 1]].
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var counts: [Int] = []
    // Each slot 0 (empty) or the key's hash's high 32 bits and its index + 1: a probe compares the
    // bits in the slot before it reads a key (the slots are read at random; the keys would be one
    // more miss of the cache each). The capacity a power of two, at most half full.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)

    public init() {}

    /// How many different keys.
    public var count: Int { counts.count }

    /// Counts `key` once more and returns how many times it has now been met (1 the first time).
    public mutating func add(_ key: UnsafeRawBufferPointer) -> Int {
        let hash = Self.hash(key)
        let tag = hash >> 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry >> 32 == tag {
                let index = Int(entry & 0xFFFF_FFFF) - 1
                if equals(index, key) {
                    counts[index] += 1
                    return counts[index]
                }
            }
            slot = (slot + 1) & mask
        }
        // A slot holds the index in 32 bits: 4 billion keys, far beyond a municipality's tables.
        precondition(counts.count < 0xFFFF_FFFF, "Слишком много ключей в одной таблице.")
        arena.append(contentsOf: key)
        starts.append(arena.count)
        hashes.append(hash)
        counts.append(1)
        slots[slot] = tag << 32 | UInt64(counts.count)
        if counts.count * 2 > slots.count { grow() }
        return 1
    }

    /// `add(_:)` of a key's bytes given as an array.
    public mutating func add(_ key: [UInt8]) -> Int {
        key.withUnsafeBytes { add($0) }
    }

    /// A 64-bit hash of the bytes: eight at a time, each folded in by a full-width multiply (the
    /// keys are the municipality's own identifiers, not an adversary's; `Hasher`'s SipHash was a
    /// third of the count's time).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let (high, low) = a.multipliedFullWidth(by: b)
            return high ^ low
        }
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(
                h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)), 0xBF58_476D_1CE4_E5B9
            )
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for (shift, byte) in bytes[i...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            h = mix(h ^ tail, 0x94D0_49BB_1331_11EB)
        }
        return mix(h, 0x2545_F491_4F6C_DD1D)
    }

    private func equals(_ index: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = starts[index]
        let length = starts[index + 1] - start
        guard length == key.count else { return false }
        guard length > 0 else { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + start, key.baseAddress!, length) == 0 }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = (hash >> 32) << 32 | UInt64(index + 1)
        }
        slots = bigger
    }
}
