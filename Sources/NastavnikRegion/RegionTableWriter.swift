import Crypto
import Foundation
import NastavnikCore

/// Makes one regional table's COPY text lines as the municipality's rows are read, and hands them
/// on in pieces of about `RegionSnapshot.Sink.chunkBytes` (so that the server copies the first
/// rows while the rest are still read), then the table's summary.
///
/// Each line is the row's key and values in COPY's text format (`\N` for NULL; backslash, tab,
/// newline and carriage return escaped), and the row's hash: the first 128 bits of the SHA-256 of
/// the key and values as sent, what tells a changed row from an unchanged one. The municipality
/// and the batch are not in the line: the table it is copied into supplies them (a new
/// partition's defaults, the merge's parameters), so that the server parses 70 bytes less a row.
/// A key met twice, an empty key or a row of the wrong size is refused: the region keeps one row
/// per key.
public struct RegionTableWriter: Sendable {
    public let table: RegionTable
    private let chunkBytes: Int
    private let send: @Sendable (RegionTable, RegionSnapshot.Piece) -> Void
    // Whether the keys are checked here; not when the caller makes them unique itself.
    private let checksKeys: Bool
    private var bytes: [UInt8] = []
    private var chunkRows = 0
    /// The rows written so far.
    public private(set) var rows = 0
    // The open row: where its key begins and ends, how many values it has, whether its key is NULL.
    private var rowStart = 0
    private var keyEnd = 0
    private var fields = 0
    private var keyIsNull = false
    private var keys = RegionKeyCounts()
    // The sum of the rows' SHA-256 (modulo 2²⁵⁶, most significant limb first): the table's digest
    // whatever order its rows come in.
    private var sum: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(
        table: RegionTable, chunkBytes: Int, checksKeys: Bool = true,
        send: @escaping @Sendable (RegionTable, RegionSnapshot.Piece) -> Void
    ) {
        self.table = table
        self.checksKeys = checksKeys
        self.chunkBytes = chunkBytes
        self.send = send
        bytes.reserveCapacity(chunkBytes + (1 << 16))
    }

    /// Appends the row's next value (the key first), as text bytes; `nil` is NULL.
    public mutating func field(_ value: UnsafeRawBufferPointer?) {
        open()
        if let value { Self.appendEscaped(value, to: &bytes) } else { bytes.append(contentsOf: [0x5C, 0x4E]) }
        close(null: value == nil)
    }

    /// Appends the row's next value (the key first); `nil` is NULL.
    public mutating func field(_ value: String?) {
        guard var value else { return field(nil as UnsafeRawBufferPointer?) }
        value.withUTF8 { field(UnsafeRawBufferPointer($0)) }
    }

    /// Ends the row: checks its size and key, and appends its hash.
    public mutating func endRow() throws {
        defer { fields = 0 }
        guard fields == table.columns.count + 1, !keyIsNull, keyEnd > rowStart else {
            let given = fields
            // A row begun (its first value written) is taken out again; an empty one has nothing.
            if given > 0 { bytes.removeSubrange(rowStart...) }
            throw RegionError("Строка таблицы «\(table.title)» без ключа или не того размера: \(given) значений.")
        }
        let seen =
            checksKeys
            ? bytes.withUnsafeBytes { keys.add(UnsafeRawBufferPointer(rebasing: $0[rowStart..<keyEnd])) } : 1
        guard seen == 1 else {
            let key = String(decoding: bytes[rowStart..<keyEnd], as: UTF8.self)
            bytes.removeSubrange(rowStart...)
            throw RegionError("Ключ «\(key)» встречается в таблице «\(table.title)» дважды.")
        }
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[rowStart...])) }
        let digest = hasher.finalize()
        digest.withUnsafeBytes { d in
            // A tab, the first 16 bytes in hex, a newline: written in place, not byte by byte.
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0x0A, count: 34))
            bytes.withUnsafeMutableBufferPointer { line in
                line[start] = 0x09
                for i in 0..<16 {
                    line[start + 1 + 2 * i] = HexDigest.digits[Int(d[i] >> 4)]
                    line[start + 2 + 2 * i] = HexDigest.digits[Int(d[i] & 0x0F)]
                }
            }
            add(d)
        }
        rows += 1
        chunkRows += 1
        if bytes.count >= chunkBytes { flush() }
    }

    /// Writes a whole row: the key, then the values in the table's column order.
    public mutating func row(_ values: [String?]) throws {
        for value in values { field(value) }
        try endRow()
    }

    /// Hands on the last lines and the table's summary; the writer is not used after it.
    public mutating func finish() {
        if chunkRows > 0 { flush() }
        var hasher = SHA256()
        var text = Array("\(rows)\n".utf8)
        for limb in [sum.0, sum.1, sum.2, sum.3] {
            for shift in stride(from: 56, through: 0, by: -8) { text.append(UInt8(truncatingIfNeeded: limb >> shift)) }
        }
        hasher.update(data: text)
        send(table, .end(.init(rows: rows, sha256: Array(hasher.finalize()))))
    }

    private mutating func open() {
        if fields == 0 {
            rowStart = bytes.count
        } else {
            bytes.append(0x09)
        }
    }

    private mutating func close(null: Bool) {
        if fields == 0 {
            keyEnd = bytes.count
            keyIsNull = null
        }
        fields += 1
    }

    private mutating func flush() {
        send(table, .lines(bytes, rows: chunkRows))
        bytes = []
        bytes.reserveCapacity(chunkBytes + (1 << 16))
        chunkRows = 0
    }

    // Adds a row's SHA-256 to the sum, as a 256-bit big-endian number.
    private mutating func add(_ digest: UnsafeRawBufferPointer) {
        func limb(_ i: Int) -> UInt64 {
            var v: UInt64 = 0
            for b in digest[(i * 8)..<(i * 8 + 8)] { v = v << 8 | UInt64(b) }
            return v
        }
        var carry = false
        func plus(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let (s1, o1) = a.addingReportingOverflow(b)
            let (s2, o2) = s1.addingReportingOverflow(carry ? 1 : 0)
            carry = o1 || o2
            return s2
        }
        sum.3 = plus(sum.3, limb(3))
        sum.2 = plus(sum.2, limb(2))
        sum.1 = plus(sum.1, limb(1))
        sum.0 = plus(sum.0, limb(0))
    }

    /// Appends a value in COPY's text format.
    static func appendEscaped(_ value: UnsafeRawBufferPointer, to bytes: inout [UInt8]) {
        guard value.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: value)
            return
        }
        for byte in value {
            switch byte {
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            default: bytes.append(byte)
            }
        }
    }
}
