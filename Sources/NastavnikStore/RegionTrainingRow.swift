import GRDBSQLite

/// A training as the region's snapshot reads it, straight from SQLite: each value as UTF-8 bytes
/// valid only inside the call that hands the row over (`NastavnikDatabase.regionRows(trainings:_:)`).
/// Values by column: 0 the person's `person_key`, 1 the course's key (`code:…`, else `key:…`),
/// 2 the status, 3 the start, 4 the end, 5 the hours (the course's when the training has none).
/// Numbers are in the form `RegionTrainingRow.text(of:)` gives them, as the snapshot's other
/// tables have them.
public struct RegionTrainingRow {
    // The training's row: staff_id, course_id, status, start_date, end_date, hours.
    let handle: OpaquePointer
    let person: UnsafeRawBufferPointer
    let course: UnsafeRawBufferPointer
    let courseHours: UnsafeRawBufferPointer?

    /// Calls `body` with the value of `column` as UTF-8 bytes, `nil` for NULL.
    public func withText<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        switch column {
        case 0: return try body(person)
        case 1: return try body(course)
        case 5 where sqlite3_column_type(handle, 5) == SQLITE_NULL: return try body(courseHours)
        default: return try Self.withText(handle, column, body)
        }
    }

    /// Calls `body` with a column of a statement's row as UTF-8 bytes, `nil` for NULL (and for a
    /// blob, which no column of the snapshot holds); a real number as `text(of:)` writes it.
    static func withText<R>(_ handle: OpaquePointer, _ column: Int32, _ body: (UnsafeRawBufferPointer?) throws -> R)
        rethrows -> R
    {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL, SQLITE_BLOB: return try body(nil)
        case SQLITE_FLOAT:
            var text = text(of: sqlite3_column_double(handle, column))
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
