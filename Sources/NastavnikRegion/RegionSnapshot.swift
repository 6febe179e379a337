import Crypto
import Foundation

/// A municipality's data as one snapshot for the region: per `RegionTable`, its rows as the
/// natural key followed by the values in the table's column order (`nil` for NULL), each value in
/// PostgreSQL's text form (dates `YYYY-MM-DD`, booleans `t`/`f`, numbers with a point).
public struct RegionSnapshot: Sendable, Equatable {
    public var municipalityID: UUID
    public var oktmo: String
    public var name: String
    /// The day the municipality's figures were computed on (`YYYY-MM-DD`).
    public var asOf: String
    /// Whether names, birth dates and СНИЛС are in it (`--personal-data`).
    public var personalData: Bool
    public var rows: [String: [[String?]]]

    public init(
        municipalityID: UUID, oktmo: String, name: String, asOf: String, personalData: Bool,
        rows: [String: [[String?]]]
    ) {
        self.municipalityID = municipalityID
        self.oktmo = oktmo
        self.name = name
        self.asOf = asOf
        self.personalData = personalData
        self.rows = rows
    }

    /// One table's rows as COPY text lines (key, values, row hash), sorted by key; a key given
    /// twice is refused, as the region keeps one row per key.
    public func lines(of table: RegionTable) throws -> [String] {
        let rows = self.rows[table.name] ?? []
        var keyed: [(key: String, line: String)] = []
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
            keyed.append((key, body))
        }
        keyed.sort { $0.key < $1.key }
        for (a, b) in zip(keyed, keyed.dropFirst()) where a.key == b.key {
            throw RegionError("Ключ «\(a.key)» встречается в таблице «\(table.title)» дважды.")
        }
        return keyed.map(\.line)
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

    /// The snapshot's SHA-256 over every table's sorted lines, with the identity and the
    /// personal-data flag: equal snapshots have equal hashes.
    public func sha256(lines: [String: [String]]) -> String {
        var hasher = SHA256()
        hasher.update(
            data: Array("\(municipalityID.uuidString.lowercased())\n\(oktmo)\n\(name)\n\(personalData)\n".utf8))
        for table in RegionTable.all {
            hasher.update(data: Array("#\(table.name)\n".utf8))
            for line in lines[table.name] ?? [] {
                hasher.update(data: Array(line.utf8))
                hasher.update(data: [0x0A])
            }
        }
        return RegionSnapshot.hex(hasher.finalize())
    }

    /// A batch's id: the hash of the municipality, the batch the region last acknowledged to it and
    /// the snapshot. A push whose answer was lost is sent again with the same previous batch and,
    /// unchanged, the same snapshot: the same id, which the region recognises.
    public static func batchID(municipality: UUID, previous: String?, sha256: String) -> String {
        let text = "\(municipality.uuidString.lowercased())\n\(previous ?? "")\n\(sha256)\n\(RegionSchema.version)"
        return hex(SHA256.hash(data: Array(text.utf8)).prefix(16))
    }
}
