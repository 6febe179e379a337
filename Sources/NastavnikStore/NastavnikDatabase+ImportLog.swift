import GRDB

extension NastavnikDatabase {
    /// One page of the import log, newest first: `limit` entries after the first `offset`; `nil`
    /// limit: all of them (a download of the log).
    public func importLog(offset: Int = 0, limit: Int?) throws -> [ImportLogEntry] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, file_name, sha256, kind, imported_at, imported_by, added, changed, unchanged, warnings
                    FROM import_log ORDER BY id DESC LIMIT ? OFFSET ?
                    """, arguments: [limit.map { max(0, $0) } ?? -1, max(0, offset)]
            ).map { row in
                ImportLogEntry(
                    id: row["id"], fileName: row["file_name"], sha256: row["sha256"], kind: row["kind"],
                    importedAt: row["imported_at"], importedBy: row["imported_by"], added: row["added"],
                    changed: row["changed"], unchanged: row["unchanged"], warnings: row["warnings"])
            }
        }
    }

    /// How many files the import log lists.
    public func importLogCount() throws -> Int {
        try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM import_log") ?? 0 }
    }
}
