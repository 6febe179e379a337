import GRDB

/// The version of a record a form is opened on: the audit log's latest entry for the record's
/// rows (issue 20, «Два человека сразу»). Every write through `NastavnikDatabase` is logged by
/// SQLite's own triggers, so any change made since the form was opened — by the web, the command
/// line or an import — gives a newer entry; saving the form is then refused with
/// `StaleRecordError`, naming who changed it and when, and nothing is overwritten.
///
/// A record is one or more audited rows, each named as the log names it: its table and its
/// readable key (`AuditLog.naturalKeys`, or «№ rowid» for a table without one). A plan, for
/// one, is its own row and its items' rows.
public struct RecordVersion: Sendable, Equatable, Hashable {
    /// The latest entry's number in the log; 0 when no entry concerns the record.
    public var id: Int64
    /// Who made that change, as the log names them.
    public var by: String?
    /// When (ISO 8601, as the log keeps it).
    public var at: String

    public init(id: Int64, by: String?, at: String) {
        self.id = id
        self.by = by
        self.at = at
    }

    /// The version of a record nothing has logged yet.
    public static let unlogged = RecordVersion(id: 0, by: nil, at: "")

    /// One audited row: its table and its key as the log writes it.
    public struct Part: Sendable, Equatable, Hashable {
        public var table: String
        public var key: String

        public init(table: String, key: String) {
            self.table = table
            self.key = key
        }

        /// A row of a table without a natural key, as the log names it (`№ rowid`).
        public static func numbered(_ table: String, _ id: Int64) -> Part { Part(table: table, key: "№ \(id)") }
    }

    /// The latest entry that concerns any of `parts` (`unlogged` when none does).
    static func latest(_ db: Database, _ parts: [Part]) throws -> RecordVersion {
        var best = RecordVersion.unlogged
        for part in Set(parts) {
            // The index `audit_log_record` (v16) answers this from its last entry.
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, actor, at FROM audit_log WHERE table_name = ? AND row_key = ?
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: [part.table, part.key])
            if let row, let id: Int64 = row["id"], id > best.id {
                best = RecordVersion(id: id, by: row["actor"], at: row["at"])
            }
        }
        return best
    }

    /// Throws `StaleRecordError` when `expected` (the version a form was opened on) is no longer
    /// the record's. Called inside the writing transaction, so no change can come between the
    /// check and the write; `nil` (a command line, which opens no form) checks nothing.
    static func check(_ db: Database, _ parts: [Part], expected: Int64?) throws {
        guard let expected else { return }
        let latest = try latest(db, parts)
        if latest.id != expected { throw StaleRecordError(by: latest.by, at: latest.at) }
    }
}
