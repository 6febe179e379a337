import GRDB
import GRDBSQLite

/// Writes rows keyed by a natural key known in memory: a new key is a plain INSERT, a known
/// one an UPDATE by rowid that changes the row only when a value differs. A key seen twice in
/// one import is reported with the line that had it first.
///
/// Unlike `Upsert`, it needs no unique index while it runs, so a bulk import can drop the
/// table's indexes, append rows at the speed of `sqlite3 .import`, and build the indexes once
/// at the end.
public final class KeyedWrite {
    public enum Result: Equatable, Sendable {
        case written(UpsertOutcome)
        /// The key was already written by this import, on that line.
        case duplicate(line: Int)
        /// An update handed to the background writer: whether it changes the row is known
        /// when the writer is done (`ImportSession.finishBackgroundWrites()`).
        case pending
    }

    /// A write decided in memory, to be carried out by `apply`.
    enum Plan: Sendable {
        case insert
        case update(id: Int64)
        case duplicate(line: Int)
    }

    private let db: Database
    private let insert: Statement
    private let update: Statement
    /// Every key of the table and of this import: the row's id (0 for a row this import adds)
    /// and the line that wrote it (0 for none yet).
    private let keys = BytesMap()

    /// - Parameters:
    ///   - keyColumn: the natural key's column (its values are loaded now).
    ///   - columns: the other columns, in binding order.
    ///   - keep: columns an update leaves as stored (the file does not have them).
    ///   - expectedRows: how many rows the file may add, to size the map of keys once.
    init(
        _ db: Database, table: String, keyColumn: String, columns: [String], keep: Set<String> = [],
        expectedRows: Int = 0
    ) throws {
        self.db = db
        let all = [keyColumn] + columns
        insert = try db.makeStatement(
            sql:
                "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(all.indices.map { "?\($0 + 1)" }.joined(separator: ", ")))"
        )
        // ?1 is the key; values are ?2…; the rowid comes last, so every value binds even when
        // a kept column's parameter is not used.
        let updated = columns.enumerated().filter { !keep.contains($0.element) }
        let assignments = updated.map { "\($1) = ?\($0 + 2)" }.joined(separator: ", ")
        let differs = updated.map { "\($1) IS NOT ?\($0 + 2)" }.joined(separator: " OR ")
        update = try db.makeStatement(
            sql: updated.isEmpty
                ? "UPDATE \(table) SET \(keyColumn) = ?1 WHERE id = ?\(all.count + 1) AND 0"
                : "UPDATE \(table) SET \(assignments) WHERE id = ?\(all.count + 1) AND (\(differs))")
        // A file mostly adds people to an empty table or repeats the stored ones: room for the
        // larger of the two (their sum would double the map's memory on a re-import).
        keys.reserveCapacity(max(expectedRows, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0))
        // A re-import of a million people loads a million keys.
        try Bind.forEachRow(
            db.makeStatement(sql: "SELECT \(keyColumn), id FROM \(table) WHERE \(keyColumn) IS NOT NULL")
        ) { row in
            keys.set(Bind.columnText(row, 0), BytesMap.Entry(id: sqlite3_column_int64(row, 1), line: 0))
        }
    }

    /// Decides a write from the keys alone (no database access): it may run on one thread
    /// while `apply` runs earlier plans on another.
    func plan(key: String, line: Int) -> Plan {
        var key = key
        return key.withUTF8 { plan(key: $0, line: line) }
    }

    func plan(key: UnsafeBufferPointer<UInt8>, line: Int) -> Plan {
        // One probe of the map for a new key, the common case of a large file. A new row's id
        // is not needed again: the same key later in the file is a duplicate.
        let line = Int32(clamping: line)
        guard let known = keys.insertIfAbsent(key, BytesMap.Entry(id: 0, line: line)) else { return .insert }
        if known.line != 0 { return .duplicate(line: Int(known.line)) }
        keys.set(key, BytesMap.Entry(id: known.id, line: line))
        return .update(id: known.id)
    }

    /// Starts loading what `plan(key:line:)` will look at.
    func prefetch(key: UnsafeBufferPointer<UInt8>) { keys.prefetch(key) }

    /// Carries out a batch of planned writes, in order: each row's values are bound where they
    /// lie in the batch, and the statement stepped. `done` hears each row's outcome; returning
    /// false stops the batch.
    func apply(
        _ batch: BackgroundWriter.Batch, columns: Int,
        _ done: (_ index: Int, _ outcome: Swift.Result<UpsertOutcome, any Error>) -> Bool
    ) {
        batch.bytes.withUnsafeBufferPointer { bytes in
            // The bound text points into the batch, which goes when this returns.
            defer {
                sqlite3_clear_bindings(insert.sqliteStatement)
                sqlite3_clear_bindings(update.sqliteStatement)
            }
            for (index, item) in batch.items.enumerated() {
                let cells = batch.cells[(index * columns)..<((index + 1) * columns)]
                let outcome: Swift.Result<UpsertOutcome, any Error>
                do {
                    switch item.plan {
                    case .insert:
                        try Bind.step(insert, cells: cells, bytes: bytes, id: nil)
                        outcome = .success(.added)
                    case .update(let id):
                        try Bind.step(update, cells: cells, bytes: bytes, id: id)
                        outcome = .success(
                            sqlite3_changes(sqlite3_db_handle(update.sqliteStatement)) == 0 ? .unchanged : .changed)
                    case .duplicate:
                        preconditionFailure("a duplicate is reported by plan(key:line:), never applied")
                    }
                } catch {
                    outcome = .failure(error)
                }
                if !done(index, outcome) { return }
            }
        }
    }

    func write(key: String, values: [SQLValue], line: Int) throws -> Result {
        if let known = keys[key] {
            if known.line != 0 { return .duplicate(line: Int(known.line)) }
            keys.set(key, BytesMap.Entry(id: known.id, line: Int32(clamping: line)))
            try Bind.step(update, key: key, values: values, id: known.id)
            return .written(sqlite3_changes(db.sqliteConnection) == 0 ? .unchanged : .changed)
        }
        try Bind.step(insert, key: key, values: values, id: nil)
        keys.set(key, BytesMap.Entry(id: sqlite3_last_insert_rowid(db.sqliteConnection), line: Int32(clamping: line)))
        return .written(.added)
    }
}
