import GRDB
import GRDBSQLite

/// An `INSERT … ON CONFLICT DO UPDATE … WHERE something differs` statement, bound through
/// SQLite's C API: the import's hot path, where GRDB's argument arrays cost a third more.
///
/// Whether a row was added, changed or left unchanged follows from SQLite itself: an update
/// leaves `last_insert_rowid()` alone (we zero it first), and an update whose WHERE is false
/// changes nothing. A table without rowids is asked for the key first.
final class Upsert {
    private let statement: Statement
    private let db: Database
    let returnsID: Bool
    /// For a table without rowids, whose inserts leave `last_insert_rowid` alone: finds the
    /// key before the write, to tell an added row from a changed one.
    private let probe: (statement: Statement, keyIndexes: [Int])?

    /// - Parameters:
    ///   - columns: every column written, in binding order.
    ///   - conflict: the columns of the natural key's unique index.
    ///   - keep: columns an update leaves as stored (the file does not have them).
    ///   - returningID: add `RETURNING id`, for rows whose children follow.
    init(
        _ db: Database, table: String, columns: [String], conflict: [String], keep: Set<String> = [],
        returningID: Bool = false
    ) throws {
        let updated = columns.filter { !conflict.contains($0) && !keep.contains($0) }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        sql += " ON CONFLICT(\(conflict.joined(separator: ", ")))"
        if updated.isEmpty {
            sql += " DO NOTHING"
        } else {
            sql += " DO UPDATE SET " + updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            sql += " WHERE " + updated.map { "\(table).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        }
        if returningID { sql += " RETURNING id" }
        self.statement = try db.makeStatement(sql: sql)
        self.db = db
        self.returnsID = returningID
        let definition =
            try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) ?? ""
        if Schema.isWithoutRowID(definition) {
            let probeSQL = "SELECT 1 FROM \(table) WHERE " + conflict.map { "\($0) = ?" }.joined(separator: " AND ")
            probe = (try db.makeStatement(sql: probeSQL), conflict.map { columns.firstIndex(of: $0)! })
        } else {
            probe = nil
        }
    }

    /// Writes one row; returns what happened and, with `returningID`, the row's id when it was
    /// added or changed.
    @discardableResult
    func run(_ values: [SQLValue]) throws -> (outcome: UpsertOutcome, id: Int64?) {
        let handle = statement.sqliteStatement
        let connection = db.sqliteConnection
        var existed: Bool?
        if let probe {
            try Bind.values(probe.keyIndexes.map { values[$0] }, to: probe.statement)
            let found = sqlite3_step(probe.statement.sqliteStatement)
            sqlite3_reset(probe.statement.sqliteStatement)
            guard found == SQLITE_ROW || found == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: found), message: String(cString: sqlite3_errmsg(connection)))
            }
            existed = found == SQLITE_ROW
        }
        try Bind.values(values, to: statement)
        // Rowids of new rows are positive; zero marks "nothing inserted by this step".
        sqlite3_set_last_insert_rowid(connection, 0)
        var id: Int64?
        var code = sqlite3_step(handle)
        if code == SQLITE_ROW {
            id = sqlite3_column_int64(handle, 0)
            code = sqlite3_step(handle)
        }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        if sqlite3_changes(connection) == 0 { return (.unchanged, nil) }
        if let existed { return (existed ? .changed : .added, id) }
        return (sqlite3_last_insert_rowid(connection) != 0 ? .added : .changed, id)
    }
}
