import GRDB
import GRDBSQLite

/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
    public init(_ value: Bool) { self = .integer(value ? 1 : 0) }
}

/// What an upsert did to a row.
public enum UpsertOutcome: Sendable, Equatable {
    case added, changed, unchanged
}

// SQLite copies the bytes of a transient parameter before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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
    init(_ db: Database, table: String, columns: [String], conflict: [String], keep: Set<String> = [],
         returningID: Bool = false) throws {
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
        let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) ?? ""
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
                throw DatabaseError(resultCode: ResultCode(rawValue: found), message: String(cString: sqlite3_errmsg(connection)))
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
    init(_ db: Database, table: String, keyColumn: String, columns: [String], keep: Set<String> = [],
         expectedRows: Int = 0) throws {
        self.db = db
        let all = [keyColumn] + columns
        insert = try db.makeStatement(sql: "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(all.indices.map { "?\($0 + 1)" }.joined(separator: ", ")))")
        // ?1 is the key; values are ?2…; the rowid comes last, so every value binds even when
        // a kept column's parameter is not used.
        let updated = columns.enumerated().filter { !keep.contains($0.element) }
        let assignments = updated.map { "\($1) = ?\($0 + 2)" }.joined(separator: ", ")
        let differs = updated.map { "\($1) IS NOT ?\($0 + 2)" }.joined(separator: " OR ")
        update = try db.makeStatement(sql: updated.isEmpty
            ? "UPDATE \(table) SET \(keyColumn) = ?1 WHERE id = ?\(all.count + 1) AND 0"
            : "UPDATE \(table) SET \(assignments) WHERE id = ?\(all.count + 1) AND (\(differs))")
        // A file mostly adds people to an empty table or repeats the stored ones: room for the
        // larger of the two (their sum would double the map's memory on a re-import).
        keys.reserveCapacity(max(expectedRows, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0))
        // A re-import of a million people loads a million keys.
        try Bind.forEachRow(db.makeStatement(sql: "SELECT \(keyColumn), id FROM \(table) WHERE \(keyColumn) IS NOT NULL")) { row in
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
    func apply(_ batch: BackgroundWriter.Batch, columns: Int,
               _ done: (_ index: Int, _ outcome: Swift.Result<UpsertOutcome, any Error>) -> Bool) {
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
                    case let .update(id):
                        try Bind.step(update, cells: cells, bytes: bytes, id: id)
                        outcome = .success(sqlite3_changes(sqlite3_db_handle(update.sqliteStatement)) == 0 ? .unchanged : .changed)
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

/// Binding and stepping through SQLite's C API.
enum Bind {
    /// Steps a query through SQLite's C API and calls `row` with the statement's handle at each
    /// row: for reading many rows without making a GRDB `Row` of each.
    static func forEachRow(_ statement: Statement, _ row: (OpaquePointer) throws -> Void) throws {
        let handle = statement.sqliteStatement
        // The statement, which finalizes its handle when it goes, lives until the reset.
        defer { withExtendedLifetime(statement) { _ = sqlite3_reset(handle) } }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                    sql: statement.sql)
            }
            try row(handle)
        }
    }

    /// A text column of the current row, in SQLite's buffer (valid until the next step).
    static func columnText(_ row: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        // The text first, then its length, as SQLite asks.
        let text = sqlite3_column_text(row, column)
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(row, column)))
    }

    static func values(_ values: [SQLValue], to statement: Statement) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            if case let .text(v) = value {
                var string = v
                string.withUTF8 { text($0, at: index, of: handle, destructor: transient) }
            } else {
                scalar(value, at: index, of: handle)
            }
        }
    }

    /// Binds the key to ?1, the values to ?2… and the row id, if any, after them, and steps the
    /// statement. Text is bound in place (`SQLITE_STATIC`) while the step runs, not copied: a
    /// bulk load binds nine strings a row.
    static func step(_ statement: Statement, key: String, values: [SQLValue], id: Int64?) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        // Unbound before the strings they point to are gone.
        defer { sqlite3_clear_bindings(handle) }
        if let id { sqlite3_bind_int64(handle, Int32(values.count + 2), id) }
        // Each string is bound inside its own `withUTF8`, and the rest of the row inside that.
        func bind(from offset: Int) throws {
            var offset = offset
            while offset < values.count + 1 {
                let value = offset == 0 ? SQLValue.text(key) : values[offset - 1]
                if case let .text(v) = value {
                    var text = v
                    return try text.withUTF8 { buffer in
                        self.text(buffer, at: Int32(offset + 1), of: handle, destructor: nil)
                        try bind(from: offset + 1)
                    }
                }
                scalar(value, at: Int32(offset + 1), of: handle)
                offset += 1
            }
            try step(statement)
        }
        try bind(from: 0)
    }

    /// Binds a packed row's values, its key first, to ?1… (text in place, from `bytes`) and
    /// the row id, if any, after them, and steps the statement.
    static func step(_ statement: Statement, cells: ArraySlice<BackgroundWriter.Cell>,
                     bytes: UnsafeBufferPointer<UInt8>, id: Int64?) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var index: Int32 = 1
        for cell in cells {
            switch cell {
            case .null: sqlite3_bind_null(handle, index)
            case let .integer(value): sqlite3_bind_int64(handle, index, value)
            case let .real(value): sqlite3_bind_double(handle, index, value)
            case let .text(offset, count):
                text(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), at: index, of: handle, destructor: nil)
            }
            index += 1
        }
        if let id { sqlite3_bind_int64(handle, index, id) }
        try step(statement)
    }

    /// Binds a value that is not text.
    private static func scalar(_ value: SQLValue, at index: Int32, of handle: OpaquePointer?) {
        switch value {
        case .null, .text: sqlite3_bind_null(handle, index)
        case let .integer(v): sqlite3_bind_int64(handle, index, v)
        case let .real(v): sqlite3_bind_double(handle, index, v)
        }
    }

    private static func text(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int32, of handle: OpaquePointer?,
                             destructor: sqlite3_destructor_type?) {
        _ = buffer.withMemoryRebound(to: CChar.self) {
            sqlite3_bind_text(handle, index, $0.baseAddress ?? empty, Int32(buffer.count), destructor)
        }
    }

    // Never freed nor written: one byte for an empty string, bound in place.
    nonisolated(unsafe) private static let empty: UnsafePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    /// Steps a statement that returns no row. Only SQLite's C API is used, so the background
    /// writer may call it off GRDB's queue.
    static func step(_ statement: Statement) throws {
        let handle = statement.sqliteStatement
        let connection = sqlite3_db_handle(handle)
        let inTransaction = sqlite3_get_autocommit(connection) == 0
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            let error = DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: String(cString: sqlite3_sql(handle)))
            if let aborted = TransactionAborted(error, transactionLost: inTransaction && sqlite3_get_autocommit(connection) != 0) {
                throw aborted
            }
            throw error
        }
    }
}

/// The database, not a row, failed (disk full, I/O error, damaged file), or SQLite rolled the
/// import's transaction back by itself: nothing of the import is written, and no further row
/// may be — after a rollback every later row would commit on its own, and after a full disk
/// every later row fails the same way.
public struct TransactionAborted: Error, Sendable, Equatable {
    /// Russian words for the user, with SQLite's own in brackets.
    public let message: String
    /// The file's line being written when it happened, when known.
    public var line: Int?

    public init(message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    /// The abort `error` means, or `nil` when the database refused only the row (a constraint).
    /// `transactionLost`: the connection was in a transaction before the call and is not now.
    public init?(_ error: DatabaseError, transactionLost: Bool) {
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL: message = "на диске нет места или база данных достигла предельного размера (\(detail))"
        case .SQLITE_IOERR: message = "ошибка чтения или записи файла базы данных (\(detail))"
        case .SQLITE_NOMEM: message = "не хватило памяти (\(detail))"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: message = "файл базы данных повреждён (\(detail))"
        case .SQLITE_READONLY: message = "база данных открыта только для чтения (\(detail))"
        default:
            guard transactionLost else { return nil }
            message = "база данных отменила транзакцию (\(detail))"
        }
        line = nil
    }
}
