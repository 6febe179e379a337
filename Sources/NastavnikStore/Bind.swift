import GRDB
import GRDBSQLite

// SQLite copies the bytes of a transient parameter before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
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
            if case .text(let v) = value {
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
                if case .text(let v) = value {
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
    static func step(
        _ statement: Statement, cells: ArraySlice<BackgroundWriter.Cell>,
        bytes: UnsafeBufferPointer<UInt8>, id: Int64?
    ) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var index: Int32 = 1
        for cell in cells {
            switch cell {
            case .null: sqlite3_bind_null(handle, index)
            case .integer(let value): sqlite3_bind_int64(handle, index, value)
            case .real(let value): sqlite3_bind_double(handle, index, value)
            case .text(let offset, let count):
                text(
                    UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), at: index, of: handle,
                    destructor: nil)
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
        case .integer(let v): sqlite3_bind_int64(handle, index, v)
        case .real(let v): sqlite3_bind_double(handle, index, v)
        }
    }

    private static func text(
        _ buffer: UnsafeBufferPointer<UInt8>, at index: Int32, of handle: OpaquePointer?,
        destructor: sqlite3_destructor_type?
    ) {
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
            let error = DatabaseError(
                resultCode: ResultCode(rawValue: code), message: message, sql: String(cString: sqlite3_sql(handle)))
            if let aborted = TransactionAborted(
                error, transactionLost: inTransaction && sqlite3_get_autocommit(connection) != 0)
            {
                throw aborted
            }
            throw error
        }
    }
}
