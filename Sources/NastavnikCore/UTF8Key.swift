#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A string hashed, compared and ordered by its UTF-8 bytes.
///
/// Swift's `String` hashes and compares by canonical equivalence: every non-ASCII string is
/// checked for normalization on each hash and comparison, which is most of the time of grouping
/// or sorting a region's hundreds of thousands of Cyrillic lines. Text from one source (a file, a
/// database) is consistently composed, so its bytes decide equality just as well; two spellings
/// of one letter (composed «й», or «и» and a combining breve) are two keys here. The order is that
/// of the code points, as PostgreSQL's `COLLATE "C"` and SQLite's `BINARY` order.
public struct UTF8Key: Hashable, Comparable, Sendable {
    public var text: String

    public init(_ text: String) { self.text = text }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        a.text.utf8.count == b.text.utf8.count && compare(a.text, b.text) == 0
    }

    public static func < (a: UTF8Key, b: UTF8Key) -> Bool { compare(a.text, b.text) < 0 }

    /// Compares two strings' UTF-8 bytes: negative, zero or positive.
    public static func compare(_ a: String, _ b: String) -> Int {
        // In place where the bytes are contiguous (native strings, as decoded from a database).
        let inPlace = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                if common > 0, let xs = x.baseAddress, let ys = y.baseAddress {
                    let c = memcmp(xs, ys, common)
                    if c != 0 { return Int(c) }
                }
                return x.count - y.count
            }
        }
        if let result = inPlace ?? nil { return result }
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }
}
