import GRDBSQLite

/// A row of a query over the municipal database as the region's snapshot reads it, straight from
/// SQLite: each value as text bytes in SQLite's own buffer, valid only inside the call that hands
/// the row over (`NastavnikDatabase.regionRows(trainings:_:)`). Numbers are in the form
/// `RegionTextRow.text(of:)` gives them, as every other table of the snapshot has them.
public struct RegionTextRow {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    /// Calls `body` with the value of `column` as UTF-8 bytes, `nil` for NULL (and for a blob,
    /// which no column of the snapshot holds).
    public func withText<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL, SQLITE_BLOB: return try body(nil)
        case SQLITE_FLOAT:
            var text = Self.text(of: sqlite3_column_double(handle, column))
            return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        default:
            // The text first, then its length, as SQLite asks; an integer is made text by SQLite.
            let text = sqlite3_column_text(handle, column)
            return try body(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
        }
    }

    /// A real number as the snapshot writes it: a whole one without a fraction.
    public static func text(of value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
