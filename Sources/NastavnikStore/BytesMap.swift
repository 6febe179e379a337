import CPrefetch
import Foundation

/// A hash map from byte strings to an id and a line, for the keys of a large import.
///
/// `[String: …]` costs three memory accesses a probe (its bitmap, keys and values live apart),
/// hashes with SipHash and compares strings by canonical equivalence. Here a slot holds a
/// fingerprint of the key's hash beside its value, so a probe of a new key (most of a large
/// file) reads one slot and, but for a rare equal fingerprint, not the key's bytes, which lie
/// in one arena. Keys equal as text are one key, as `String` keys are: a key is held in
/// Unicode's composed form (NFC), which nearly every key (ASCII, basic Cyrillic) already is.
final class BytesMap {
    /// What a key maps to: an id, and the line of the file that wrote it (0 for none).
    public struct Entry: Equatable, Sendable {
        public var id: Int64
        public var line: Int32
    }

    private struct Slot {
        /// The hash's upper half, never 0; 0 marks an empty slot.
        var fingerprint: UInt32 = 0
        var line: Int32 = 0
        var offset: UInt32 = 0
        var length: UInt32 = 0
        var id: Int64 = 0
    }

    // Only the importing thread touches a map, many times a row: the runtime's check of
    // exclusive access to these properties was a tenth of that thread's instructions.

    /// The slots, in memory of their own (see `SlotMemory`).
    @exclusivity(unchecked) private var memory: SlotMemory
    private var slots: UnsafeMutableBufferPointer<Slot> { memory.slots }
    @exclusivity(unchecked) private var arena: [UInt8] = []
    /// The number of keys.
    @exclusivity(unchecked) public private(set) var count = 0

    /// Room for `capacity` keys without growing.
    public init(capacity: Int = 0) {
        memory = SlotMemory(count: Self.slotCount(for: capacity))
    }

    /// Zeroed slots (an empty slot is all zeros) mapped from the system, in 2 MiB pages where
    /// it gives them: a lookup in a table of a million keys lands on a page of its own nearly
    /// every time, and in 4 KiB pages each such lookup also missed the address translation
    /// cache (see BENCHMARKS.md).
    private final class SlotMemory {
        let slots: UnsafeMutableBufferPointer<Slot>
        private let base: UnsafeMutableRawPointer
        private let length: Int

        init(count: Int) {
            let huge = 2 << 20
            let bytes = count * MemoryLayout<Slot>.stride
            // Whole huge pages for a large table, so its start is aligned to one.
            length = bytes >= huge ? (bytes + huge - 1) / huge * huge : bytes
            var mapped = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            if length >= huge, let start = mapped, start != MAP_FAILED, Int(bitPattern: start) % huge != 0 {
                // Mapped again with room to align the start to a huge page.
                munmap(start, length)
                mapped = mmap(nil, length + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                if let start = mapped, start != MAP_FAILED {
                    let aligned = (Int(bitPattern: start) + huge - 1) / huge * huge
                    let before = aligned - Int(bitPattern: start)
                    if before > 0 { munmap(start, before) }
                    munmap(UnsafeMutableRawPointer(bitPattern: aligned + length), huge - before)
                    mapped = UnsafeMutableRawPointer(bitPattern: aligned)
                }
            }
            guard let start = mapped, start != MAP_FAILED else {
                fatalError("не хватает памяти для таблицы ключей импорта (\(length) байт)")
            }
            if length >= huge { _ = madvise(start, length, MADV_HUGEPAGE) }
            base = start
            slots = UnsafeMutableBufferPointer(start: start.bindMemory(to: Slot.self, capacity: count), count: count)
        }

        deinit { munmap(base, length) }
    }

    /// A power of two that keeps the load at or under 3/4.
    private static func slotCount(for keys: Int) -> Int {
        var size = 16
        while size / 4 * 3 < keys { size *= 2 }
        return size
    }

    /// Grows the map, if needed, to hold `capacity` keys without growing again.
    func reserveCapacity(_ capacity: Int) {
        if Self.slotCount(for: capacity) > slots.count { rehash(to: Self.slotCount(for: capacity)) }
    }

    /// The entry stored under the key, given as its UTF-8.
    public subscript(key: UnsafeBufferPointer<UInt8>) -> Entry? {
        Self.composed(key) { key in
            guard let index = find(key, hash: Self.hash(key)).found else { return nil }
            return Entry(id: slots[index].id, line: slots[index].line)
        }
    }

    /// The entry stored under the string's UTF-8.
    public subscript(key: String) -> Entry? { Self.withBytes(key) { self[$0] } }

    /// Stores `entry` under `key`, replacing what was there.
    public func set(_ key: UnsafeBufferPointer<UInt8>, _ entry: Entry) {
        Self.composed(key) { key in
            let hash = Self.hash(key)
            let (found, free) = find(key, hash: hash)
            if let found {
                slots[found].id = entry.id
                slots[found].line = entry.line
            } else {
                insert(key, hash: hash, entry: entry, at: free)
            }
        }
    }

    /// Stores `entry` under the string's UTF-8.
    public func set(_ key: String, _ entry: Entry) { Self.withBytes(key) { set($0, entry) } }

    /// Starts loading the slot where a lookup of `key` begins, so that the lookup, made after
    /// other work, finds it in cache (a table of a million keys is far larger than the cache).
    func prefetch(_ key: UnsafeBufferPointer<UInt8>) {
        let index = Int(truncatingIfNeeded: Self.composed(key, Self.hash)) & (slots.count - 1)
        nastavnik_prefetch(slots.baseAddress! + index)
    }

    /// Stores `entry` under a new key and returns `nil`; returns the stored entry, unchanged,
    /// when the key is there already. One probe either way.
    func insertIfAbsent(_ key: UnsafeBufferPointer<UInt8>, _ entry: Entry) -> Entry? {
        Self.composed(key) { key in
            let hash = Self.hash(key)
            let (found, free) = find(key, hash: hash)
            if let found { return Entry(id: slots[found].id, line: slots[found].line) }
            insert(key, hash: hash, entry: entry, at: free)
            return nil
        }
    }

    /// Calls `body` with the key in composed form: as it is when it surely is (ASCII and basic
    /// Cyrillic, two bytes led by D0 or D1), else composed; bytes that are not UTF-8 as they are.
    @inline(__always)
    private static func composed<R>(_ key: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var i = 0
        while i < key.count {
            let b = key[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard b == 0xD0 || b == 0xD1, i + 1 < key.count, key[i + 1] & 0xC0 == 0x80 else {
                guard let text = String(validating: key, as: UTF8.self) else { return body(key) }
                var composed = text.precomposedStringWithCanonicalMapping
                return composed.withUTF8(body)
            }
            i += 2
        }
        return body(key)
    }

    private static func withBytes<R>(_ key: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var key = key
        return key.withUTF8(body)
    }

    /// The slot holding `key`, or else the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (found: Int?, free: Int) {
        let fingerprint = Self.fingerprint(hash)
        let mask = slots.count - 1
        let slots = self.slots
        return arena.withUnsafeBufferPointer { arena in
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[index]
                if slot.fingerprint == 0 { return (nil, index) }
                if slot.fingerprint == fingerprint, Int(slot.length) == key.count,
                    key.isEmpty || memcmp(arena.baseAddress! + Int(slot.offset), key.baseAddress!, key.count) == 0
                {
                    return (index, index)
                }
                index = (index + 1) & mask
            }
        }
    }

    private func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, entry: Entry, at index: Int) {
        precondition(arena.count + key.count <= Int(UInt32.max), "ключей импорта больше 4 ГБ")
        let offset = UInt32(arena.count)
        arena.append(contentsOf: key)
        slots[index] = Slot(
            fingerprint: Self.fingerprint(hash), line: entry.line, offset: offset,
            length: UInt32(key.count), id: entry.id)
        count += 1
        if count > slots.count / 4 * 3 { rehash(to: slots.count * 2) }
    }

    private func rehash(to size: Int) {
        let old = memory
        memory = SlotMemory(count: size)
        let mask = size - 1
        // The old slots are unmapped when `old` goes: not before the loop is done with them.
        withExtendedLifetime(old) {
            for slot in old.slots where slot.fingerprint != 0 {
                let hash = arena.withUnsafeBufferPointer {
                    Self.hash(
                        UnsafeBufferPointer(rebasing: $0[Int(slot.offset)..<(Int(slot.offset) + Int(slot.length))]))
                }
                var position = Int(truncatingIfNeeded: hash) & mask
                while slots[position].fingerprint != 0 { position = (position + 1) & mask }
                slots[position] = slot
            }
        }
    }

    @inline(__always)
    private static func fingerprint(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) | 1 }

    /// A fast 64-bit hash of the bytes, eight at a time, a short key in one or two loads (the
    /// keys are the user's own file, so no defence against chosen collisions is needed).
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(key)
        let n = raw.count
        let multiplier: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        if n >= 8 {
            var i = 0
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
                h ^= h >> 29
                i += 8
            }
            // The last eight bytes, overlapping the word before.
            if i < n { h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* multiplier }
        } else if n >= 4 {
            let high = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let low = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            h = (h ^ (high << 32 | low)) &* multiplier
        } else if n > 0 {
            h = (h ^ (UInt64(raw[0]) | UInt64(raw[n / 2]) << 8 | UInt64(raw[n - 1]) << 16)) &* multiplier
        }
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
