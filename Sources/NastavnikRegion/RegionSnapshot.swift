import Crypto
import Foundation
import NastavnikCore

/// What identifies a municipality's snapshot for the region: whose it is, the day its figures were
/// computed on and whether it carries personal data. Its rows come per `RegionTable` (`lines(of:rows:)`):
/// each row the natural key followed by the values in the table's column order (`nil` for NULL),
/// each value in PostgreSQL's text form (dates `YYYY-MM-DD`, booleans `t`/`f`, numbers with a point).
public struct RegionSnapshot: Sendable, Equatable {
    public var municipalityID: UUID
    public var oktmo: String
    public var name: String
    /// The day the municipality's figures were computed on (`YYYY-MM-DD`).
    public var asOf: String
    /// Whether names, birth dates and СНИЛС are in it (`--personal-data`).
    public var personalData: Bool

    public init(municipalityID: UUID, oktmo: String, name: String, asOf: String, personalData: Bool) {
        self.municipalityID = municipalityID
        self.oktmo = oktmo
        self.name = name
        self.asOf = asOf
        self.personalData = personalData
    }

    /// Hands one table's rows to a push; every table of `RegionTable.all` once, in any order.
    public typealias Emit = @Sendable (RegionTable, [[String?]]) -> Void

    /// One table's lines, made by `lines(of:rows:)`: COPY text lines (key, values, row hash)
    /// kept as bytes one after another, in the order of their keys' bytes.
    public struct TableLines: Sendable, Equatable {
        /// Every line's bytes, without newlines.
        public var bytes: [UInt8]
        /// Each line's place in `bytes`, in the order of the keys' bytes.
        public var ranges: [Range<Int>]
        /// The SHA-256 of the lines in that order, each followed by a newline.
        public var sha256: [UInt8]

        /// How many lines.
        public var count: Int { ranges.count }

        /// The lines as text.
        public var lines: [String] { ranges.map { String(decoding: bytes[$0], as: UTF8.self) } }
    }

    /// One table's rows as COPY text lines (key, values, row hash), sorted by their escaped keys'
    /// bytes (as `COLLATE "C"` orders keys without a backslash, tab or line break; the order only
    /// makes the hash reproducible), with their SHA-256; a key given twice is
    /// refused, as the region keeps one row per key. Made as bytes: a full-size municipality's
    /// 150,000 lines as `String`s were half a second of reference counting and copies.
    public static func lines(of table: RegionTable, rows: [[String?]]) throws -> TableLines {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 128)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(rows.count)
        var keyEnds: [Int] = []
        keyEnds.reserveCapacity(rows.count)
        for row in rows {
            guard row.count == table.columns.count + 1, let key = row[0], !key.isEmpty else {
                throw RegionError(
                    "Строка таблицы «\(table.title)» без ключа или не того размера: \(row.count) значений.")
            }
            let start = bytes.count
            for (i, value) in row.enumerated() {
                if i > 0 { bytes.append(0x09) }
                appendCopyText(value, to: &bytes)
                if i == 0 { keyEnds.append(bytes.count) }
            }
            let digest = bytes.withUnsafeBufferPointer {
                SHA256.hash(data: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[start..<$0.count])))
            }
            // The row's hash, the first 128 bits of its SHA-256: what tells a changed row from an unchanged one.
            bytes.append(0x09)
            appendHex(digest.prefix(16), to: &bytes)
            ranges.append(start..<bytes.count)
        }
        var order = Array(ranges.indices)
        var duplicate: Int?
        bytes.withUnsafeBufferPointer { base in
            func compare(_ a: Int, _ b: Int) -> Int {
                let x = ranges[a].lowerBound..<keyEnds[a]
                let y = ranges[b].lowerBound..<keyEnds[b]
                let common = min(x.count, y.count)
                if common > 0, let start = base.baseAddress {
                    let c = memcmp(start + x.lowerBound, start + y.lowerBound, common)
                    if c != 0 { return Int(c) }
                }
                return x.count - y.count
            }
            order.sort { compare($0, $1) < 0 }
            duplicate = zip(order, order.dropFirst()).first { compare($0, $1) == 0 }?.0
        }
        if let duplicate {
            let key = String(decoding: bytes[ranges[duplicate].lowerBound..<keyEnds[duplicate]], as: UTF8.self)
            throw RegionError("Ключ «\(key)» встречается в таблице «\(table.title)» дважды.")
        }
        let sorted = order.map { ranges[$0] }
        var hasher = SHA256()
        bytes.withUnsafeBufferPointer { base in
            for range in sorted {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: base[range])))
                hasher.update(data: [0x0A])
            }
        }
        return TableLines(bytes: bytes, ranges: sorted, sha256: Array(hasher.finalize()))
    }

    /// Appends a value in COPY's text format (`copyText`) as bytes.
    static func appendCopyText(_ value: String?, to bytes: inout [UInt8]) {
        guard var value else {
            bytes.append(0x5C)
            bytes.append(0x4E)
            return
        }
        value.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
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

    static func appendHex<S: Sequence>(_ digest: S, to bytes: inout [UInt8]) where S.Element == UInt8 {
        for b in digest {
            bytes.append(hexDigits[Int(b >> 4)])
            bytes.append(hexDigits[Int(b & 0x0F)])
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A value in COPY's text format: `\N` for NULL, the backslash, tab, newline and carriage
    /// return escaped.
    static func copyText(_ value: String?) -> String {
        guard let value else { return "\\N" }
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 4)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Bytes in lowercase hex.
    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        appendHex(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The snapshot's SHA-256 over every table's lines (by the tables' own SHA-256, in the order
    /// of `RegionTable.all`, made on every core beside the COPY), with the identity and the
    /// personal-data flag: equal snapshots have equal hashes.
    public func sha256(tables: [String: TableLines]) -> String {
        var hasher = SHA256()
        hasher.update(
            data: Array("\(municipalityID.uuidString.lowercased())\n\(oktmo)\n\(name)\n\(personalData)\n".utf8))
        for table in RegionTable.all {
            let digest = tables[table.name]?.sha256 ?? Array(SHA256.hash(data: [UInt8]()))
            hasher.update(data: Array("#\(table.name)\n\(RegionSnapshot.hex(digest))\n".utf8))
        }
        return RegionSnapshot.hex(hasher.finalize())
    }

    /// A new batch's id: 128 random bits in hex. It is chosen before the first row is sent (every
    /// row carries its batch), so it cannot be the snapshot's hash; a batch is recognised again by
    /// what it is — the municipality, the batch before it and the snapshot's SHA-256 — not by its id.
    public static func newBatchID() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
