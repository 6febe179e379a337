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

    /// One table's lines, made by `lines(of:rows:)`.
    public struct TableLines: Sendable, Equatable {
        /// COPY text lines (key, values, row hash), sorted by the key's bytes.
        public var lines: [String]
        /// The SHA-256 of the lines, each followed by a newline.
        public var sha256: [UInt8]
    }

    /// One table's rows as COPY text lines (key, values, row hash), sorted by the key's bytes
    /// (as `COLLATE "C"` orders them), with their SHA-256; a key given twice is refused, as the
    /// region keeps one row per key.
    public static func lines(of table: RegionTable, rows: [[String?]]) throws -> TableLines {
        var keyed: [(key: UTF8Key, line: String)] = []
        keyed.reserveCapacity(rows.count)
        for row in rows {
            guard row.count == table.columns.count + 1, let key = row[0], !key.isEmpty else {
                throw RegionError(
                    "Строка таблицы «\(table.title)» без ключа или не того размера: \(row.count) значений.")
            }
            var body = ""
            body.reserveCapacity(160)
            for (i, value) in row.enumerated() {
                if i > 0 { body.append("\t") }
                body.append(RegionSnapshot.copyText(value))
            }
            let hash = RegionSnapshot.rowHash(body)
            body.append("\t")
            body.append(hash)
            keyed.append((UTF8Key(key), body))
        }
        keyed.sort { $0.key < $1.key }
        for (a, b) in zip(keyed, keyed.dropFirst()) where a.key == b.key {
            throw RegionError("Ключ «\(a.key.text)» встречается в таблице «\(table.title)» дважды.")
        }
        var hasher = SHA256()
        var lines: [String] = []
        lines.reserveCapacity(keyed.count)
        for (_, line) in keyed {
            var line = line
            line.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            hasher.update(data: [0x0A])
            lines.append(line)
        }
        return TableLines(lines: lines, sha256: Array(hasher.finalize()))
    }

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

    /// The first 128 bits of a row's SHA-256, in hex: what tells a changed row from an unchanged one.
    static func rowHash(_ body: String) -> String {
        var body = body
        return body.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0)).prefix(16)) }
    }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
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
