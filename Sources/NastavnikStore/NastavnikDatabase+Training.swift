import Foundation
import GRDB
import GRDBSQLite
import NastavnikCore

/// A pedagogical or leading worker's standing with the three-year rule (`TrainingRule`).
public struct TrainingStatusLine: Sendable, Equatable {
    /// The row's id in this database (not a natural key).
    public var rowID: Int64
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var lastTrainingEnd: LocalDate?
    /// The start of pedagogical work, when known.
    public var teachingSince: LocalDate?
    /// The day by which the next training must end (`TrainingRule.dueBy`); nil when neither a
    /// training nor the start of work is known.
    public var dueBy: LocalDate?
    /// The due day has passed (or there is none): the rule is broken on the as-of date.
    public var overdue: Bool
    /// A counting training ended within the 3 years before the as-of date: what the indicators count.
    public var trainedWithin3Years: Bool
    /// Not overdue: trained within 3 years, or began pedagogical work less than 3 years ago.
    public var compliant: Bool { !overdue }
    /// The first day the person is out of the rule (the day after `dueBy`).
    public var outOfComplianceFrom: LocalDate? { dueBy?.adding(days: 1) }

    public init(
        rowID: Int64, staffID: String?, fullName: String, schoolCode: String, lastTrainingEnd: LocalDate?,
        teachingSince: LocalDate?, asOf date: LocalDate, rule: TrainingRule
    ) {
        self.rowID = rowID
        self.staffID = staffID
        self.fullName = fullName
        self.schoolCode = schoolCode
        self.lastTrainingEnd = lastTrainingEnd
        self.teachingSince = teachingSince
        dueBy = rule.dueBy(lastTrainingEnd: lastTrainingEnd, teachingSince: teachingSince)
        overdue = rule.isOverdue(dueBy: dueBy, asOf: date)
        trainedWithin3Years = rule.isCompliant(lastTrainingEnd: lastTrainingEnd, asOf: date)
    }
}

extension NastavnikDatabase {
    /// The rule in force: 3 years, and the minimum hours from the settings (default 16).
    public func trainingRule() throws -> TrainingRule {
        TrainingRule(try settings())
    }

    /// Stores a setting's value (checked and normalised by its `Setting`), or, with `nil`,
    /// returns it to its default; re-applies whatever the setting changes, in the same transaction.
    public func setSetting(_ setting: Setting, _ value: String?) throws {
        var stored: String?
        if let value {
            switch setting.normalize(value) {
            case .success(let normal): stored = normal
            case .failure(let error): throw StoreError.invalid(error.message)
            }
        }
        try write { db in
            if let stored {
                try db.execute(
                    sql:
                        "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [setting.id, stored])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [setting.id])
            }
            if setting == Settings.trainingMinimumHours { try Self.recomputeLastTraining(db) }
        }
    }

    /// The settings in force: every value a department stored over the defaults.
    public func settings() throws -> SettingValues {
        try writer.read { db in try Self.settings(db) }
    }

    /// The settings in force, read inside a transaction that is already open (an import's): one
    /// query for all of them.
    public static func settings(_ db: Database) throws -> SettingValues {
        var stored: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
            let key: String = row["key"]
            if Settings.named(key) != nil { stored[key] = row["value"] }
        }
        return SettingValues(stored: stored)
    }

    /// Recomputes every staff member's last counting training (after the minimum hours change).
    static func recomputeLastTraining(_ db: Database) throws {
        try db.execute(sql: "UPDATE staff SET last_training_end = (\(lastCountingTrainingEnd(of: "staff.id")))")
    }

    /// The SQL that `staff.last_training_end` holds for the staff row id `staffID` (as the
    /// triggers of `Schema.v1` keep it).
    static func lastCountingTrainingEnd(of staffID: String) -> String {
        """
        SELECT max(t.end_date) FROM training t JOIN course c ON c.id = t.course_id
        WHERE t.staff_id = \(staffID) AND \(countingTraining(minimumHours: storedMinimumHours))
        """
    }

    /// The rule's minimum hours as SQL reads them where no argument can be bound: the stored
    /// setting `training.minimum_hours`, else its default.
    static let storedMinimumHours =
        "coalesce((SELECT CAST(value AS REAL) FROM setting WHERE key = '\(Settings.trainingMinimumHours.id)'), \(Settings.trainingMinimumHours.defaultValue))"

    /// The one SQL condition of a course long enough to count: the training `t` of the course `c`
    /// lasted at least `minimumHours` (by default a bound argument) hours, its own or the course's.
    static func countingHours(minimumHours: String = "?") -> String { "coalesce(t.hours, c.hours) >= \(minimumHours)" }

    /// The one SQL condition of a counting training (`TrainingRule`): the training `t` of the
    /// course `c` is completed and long enough (`countingHours`).
    static func countingTraining(minimumHours: String = "?") -> String {
        "t.status = 'completed' AND \(countingHours(minimumHours: minimumHours))"
    }

    /// Every pedagogical and leading worker with the end of their last counting training
    /// (completed, of at least the rule's hours, ended on or before `date`), the start of their
    /// pedagogical work and the day the next training is due by.
    ///
    /// With `outOfComplianceBy`, only those who will be overdue on that day (it is `date` or
    /// later): the forecast and `--non-compliant` read a fraction of a country.
    public func trainingStatus(
        asOf date: LocalDate, schoolCode: String? = nil, rule: TrainingRule? = nil,
        outOfComplianceBy: LocalDate? = nil
    ) throws -> [TrainingStatusLine] {
        let stored = try trainingRule()
        let rule = rule ?? stored
        return try writer.read { db in
            let source = try Self.statusSource(
                db, asOf: date, rule: rule, stored: stored, schoolCode: schoolCode, outOfComplianceBy: outOfComplianceBy
            )
            return try Self.statusLines(
                db,
                sql: source.with
                    + "SELECT st.staff_id, st.full_name, s.code, \(source.lastEnd), st.id, st.teaching_since "
                    + source.from + " ORDER BY s.code, st.full_name", arguments: source.arguments, rule: rule,
                date: date,
                overdueBy: outOfComplianceBy, whole: schoolCode == nil && outOfComplianceBy == nil)
        }
    }

    /// How many pedagogical and leading workers of each school (by code) are overdue on `date`:
    /// the lines of `trainingStatus(asOf: date, outOfComplianceBy: date)` counted per school in
    /// SQL, with the overdue test `TrainingRule.dueBy` and `isOverdue` of NastavnikCore
    /// registered as an SQL function, so that a country's 100,000 overdue people are never
    /// read into memory. Schools with nobody overdue are absent.
    public func overdueCounts(asOf date: LocalDate) throws -> [String: Int] {
        let rule = try trainingRule()
        return try writer.read { db in
            let source = try Self.statusSource(
                db, asOf: date, rule: rule, stored: rule, schoolCode: nil, outOfComplianceBy: date)
            db.add(
                function: DatabaseFunction("nastavnik_overdue", argumentCount: 2, pure: true) { values in
                    // As `statusLines` reads the dates: exactly `YYYY-MM-DD`.
                    func day(_ value: DatabaseValue) -> LocalDate? {
                        String.fromDatabaseValue(value).flatMap { LocalDate(iso: $0.utf8) }
                    }
                    let due = rule.dueBy(lastTrainingEnd: day(values[0]), teachingSince: day(values[1]))
                    return rule.isOverdue(dueBy: due, asOf: date)
                })
            var counts: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: source.with + "SELECT s.code, count(*) " + source.from
                    + " AND nastavnik_overdue(\(source.lastEnd), st.teaching_since) GROUP BY s.code",
                arguments: source.arguments)
            while let row = try rows.next() { counts[row[0]] = row[1] }
            return counts
        }
    }

    /// The statement `trainingStatus` and `overdueCounts` share: a `WITH` clause (or nothing),
    /// the expression of the last counting training's end, and `FROM … WHERE …` of the
    /// pedagogical and leading workers (of one school; with `outOfComplianceBy`, only those who
    /// may be overdue on that day), with the arguments of the whole in order.
    private static func statusSource(
        _ db: Database, asOf date: LocalDate, rule: TrainingRule, stored: TrainingRule, schoolCode: String?,
        outOfComplianceBy: LocalDate?
    ) throws -> (with: String, lastEnd: String, from: String, arguments: StatementArguments) {
        // Usually no completed training ends after the date: the kept column (kept for the
        // stored rule) is the answer. For a date in the past, the trainings are read.
        let latestEnd = try String.fetchOne(
            db, sql: "SELECT max(end_date) FROM training WHERE status = 'completed'")
        var with = ""
        var from = "FROM school s JOIN staff st ON st.school_id = s.id"
        var lastEnd = "st.last_training_end"
        var arguments: StatementArguments = []
        if !(latestEnd.map({ $0 <= date.iso }) ?? true) || stored.minimumHours != rule.minimumHours {
            lastEnd = "last.last_end"
            with = """
                WITH last AS (
                    SELECT t.staff_id, max(t.end_date) AS last_end
                    FROM training t JOIN course c ON c.id = t.course_id
                    WHERE \(Self.countingTraining()) AND t.end_date <= ?
                    GROUP BY t.staff_id
                )

                """
            from += " LEFT JOIN last ON last.staff_id = st.id"
            arguments += [rule.minimumHours, date.iso]
        }
        from += " WHERE (st.position_kind = 'pedagogical' OR st.position_kind = 'leading')"
        if let schoolCode {
            from += " AND s.code = ?"
            arguments += [schoolCode]
        }
        if let by = outOfComplianceBy {
            // Overdue on `by` means neither the last end nor the start of work lies within
            // the 3 years before it; a day's margin for 29 February, the exact test being
            // `statusLines`'s.
            from +=
                " AND (\(lastEnd) IS NULL OR \(lastEnd) <= ?) AND (st.teaching_since IS NULL OR st.teaching_since <= ?)"
            arguments += [rule.windowStart(asOf: by).iso, rule.windowStart(asOf: by).iso]
        }
        return (with, lastEnd, from, arguments)
    }

    // A country's list is a million rows: they are read through SQLite's C API, with the
    // dates parsed from bytes, rather than decoded through GRDB's rows.
    /// `whole`: the query lists every teacher and leader, so the largest id bounds its length.
    /// `overdueBy`: only the lines overdue on that day.
    private static func statusLines(
        _ db: Database, sql: String, arguments: StatementArguments, rule: TrainingRule,
        date: LocalDate, overdueBy: LocalDate?, whole: Bool
    ) throws -> [TrainingStatusLine] {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        func text(_ column: Int32) -> String? {
            guard let bytes = sqlite3_column_text(handle, column) else { return nil }
            return String(
                decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))),
                as: UTF8.self)
        }
        func day(_ column: Int32) -> LocalDate? {
            guard let bytes = sqlite3_column_text(handle, column) else { return nil }
            return LocalDate(iso: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
        }
        var lines: [TrainingStatusLine] = []
        // The largest id bounds the count: one allocation instead of twenty copies of a growing array.
        // Only for the whole list: a school or the forecast is a fraction of it.
        if whole, let bound = try Int.fetchOne(db, sql: "SELECT max(id) FROM staff") {
            lines.reserveCapacity(min(bound, 20_000_000))
        }
        try Bind.forEachRow(statement) { _ in
            let last = day(3)
            let since = day(5)
            if let by = overdueBy,
                !rule.isOverdue(dueBy: rule.dueBy(lastTrainingEnd: last, teachingSince: since), asOf: by)
            {
                return
            }
            lines.append(
                TrainingStatusLine(
                    rowID: sqlite3_column_int64(handle, 4), staffID: text(0), fullName: text(1) ?? "",
                    schoolCode: text(2) ?? "",
                    lastTrainingEnd: last, teachingSince: since, asOf: date, rule: rule))
        }
        return lines
    }

    /// Courses a person is enrolled in or studying that end by `date`: they will count then.
    /// Keyed by the staff row's id (`TrainingStatusLine.rowID`).
    public func plannedTrainingEnds(until date: LocalDate) throws -> [Int64: LocalDate] {
        try writer.read { db in
            var map: [Int64: LocalDate] = [:]
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.staff_id, max(t.end_date) AS end_date FROM training t
                    WHERE (t.status = 'applied' OR t.status = 'studying') AND t.end_date <= ? GROUP BY t.staff_id
                    """, arguments: [date.iso])
            while let row = try cursor.next() {
                if let d = LocalDate(parsing: row["end_date"] as String) { map[row["staff_id"]] = d }
            }
            return map
        }
    }
}

extension NastavnikDatabase {
    /// Each person's date of attestation, by the staff row's id (`StaffLine.rowID`): people
    /// without a personnel number have dates too.
    public func attestationDates(schoolCode: String? = nil) throws -> [Int64: LocalDate] {
        try writer.read { db in
            var map: [Int64: LocalDate] = [:]
            var sql: SQL = "SELECT st.id, st.category_date FROM staff st"
            if let schoolCode {
                sql +=
                    " JOIN school s ON s.id = st.school_id WHERE s.code = \(schoolCode) AND st.category_date IS NOT NULL"
            } else {
                sql += " WHERE st.category_date IS NOT NULL"
            }
            for row in try Row.fetchAll(db, SQLRequest(literal: sql)) {
                if let date = LocalDate(parsing: row["category_date"] as String) { map[row["id"]] = date }
            }
            return map
        }
    }
}
