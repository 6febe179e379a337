import Crypto
import Foundation
import NastavnikCore
import Synchronization

/// What identifies a municipality's snapshot for the region: whose it is, the day its figures were
/// computed on and whether it carries personal data. Its rows come per `RegionTable` (`Sink`):
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

    /// A piece of one table as a push receives it: lines, or the table's end with its summary.
    /// A table's pieces come one after another, its end last.
    public enum Piece: Sendable, Equatable {
        /// COPY text lines, each ending in a newline, ready to send as they are.
        case lines([UInt8], rows: Int)
        /// The table is whole.
        case end(TableSummary)
    }

    /// What a whole table is: its rows and its digest (`RegionTableWriter`), the SHA-256 of the
    /// count and of the sum of the rows' SHA-256, so that equal tables have equal digests whatever
    /// order their rows were read in.
    public struct TableSummary: Sendable, Equatable {
        public var rows: Int
        public var sha256: [UInt8]

        public init(rows: Int, sha256: [UInt8]) {
            self.rows = rows
            self.sha256 = sha256
        }
    }

    /// Where a push's snapshot is written: every table of `RegionTable.all` once, each whole
    /// (`callAsFunction`) or row by row (`writer(_:)`), one table after another.
    public struct Sink: Sendable {
        /// About how many bytes of lines make a piece.
        let chunkBytes: Int
        let send: @Sendable (RegionTable, Piece) -> Void

        public init(chunkBytes: Int = 1 << 18, send: @escaping @Sendable (RegionTable, Piece) -> Void) {
            self.chunkBytes = chunkBytes
            self.send = send
        }

        /// A writer of `table`'s rows; its `finish()` ends the table. `uniqueKeys`: the caller makes
        /// every key unique itself (counting them with `RegionKeyCounts`), and the writer need not.
        public func writer(_ table: RegionTable, uniqueKeys: Bool = false) -> RegionTableWriter {
            RegionTableWriter(table: table, chunkBytes: chunkBytes, checksKeys: !uniqueKeys, send: send)
        }

        /// Writes a whole table: each row the key, then the values in the table's column order.
        public func callAsFunction(_ table: RegionTable, _ rows: [[String?]]) throws {
            var writer = writer(table)
            for row in rows { try writer.row(row) }
            writer.finish()
        }

        /// A whole table's pieces, made without handing them on: a table made beside another
        /// one, handed on later with `send(_:_:)`.
        public func pieces(_ table: RegionTable, _ rows: [[String?]]) throws -> [Piece] {
            let made = Mutex<[Piece]>([])
            var writer = RegionTableWriter(table: table, chunkBytes: chunkBytes) { _, piece in
                made.withLock { $0.append(piece) }
            }
            for row in rows { try writer.row(row) }
            writer.finish()
            return made.withLock { $0 }
        }

        /// Hands on a table's pieces made by `pieces(_:_:)`.
        public func send(_ table: RegionTable, _ pieces: [Piece]) {
            for piece in pieces { send(table, piece) }
        }
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

    /// The snapshot's SHA-256 over every table's summary (in the order of `RegionTable.all`), with
    /// the identity and the personal-data flag: equal snapshots have equal hashes.
    public func sha256(tables: [String: TableSummary]) -> String {
        var hasher = SHA256()
        hasher.update(
            data: Array("\(municipalityID.uuidString.lowercased())\n\(oktmo)\n\(name)\n\(personalData)\n".utf8))
        for table in RegionTable.all {
            let digest = tables[table.name]?.sha256 ?? Array(SHA256.hash(data: [UInt8]()))
            hasher.update(data: Array("#\(table.name)\n\(HexDigest.hex(digest))\n".utf8))
        }
        return HexDigest.hex(hasher.finalize())
    }

    /// A new batch's id: 128 random bits in hex. It is chosen before the first row is sent (a first
    /// push's partitions give it to every row as they are loaded), so it cannot be the snapshot's
    /// hash; a batch is recognised again by what it is — the municipality, the batch before it and
    /// the snapshot's SHA-256 — not by its id.
    public static func newBatchID() -> String {
        var generator = SystemRandomNumberGenerator()
        return HexDigest.hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
