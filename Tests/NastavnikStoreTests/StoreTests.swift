import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

@Suite struct StoreTests {
    let dir: URL

    init() throws {
        dir = try temporaryDirectory("nastavnik-store")
    }

    func path(_ name: String = "db.sqlite") -> String { dir.appendingPathComponent(name).path }

    @Test func createsThePrivateFileInWALModeWithForeignKeys() throws {
        let db = try NastavnikDatabase(path: path("sub/dir/db.sqlite"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path("sub/dir/db.sqlite"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let (journal, foreignKeys) = try db.reader.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(
            try db.appliedMigrations() == [
                "v1-domain", "v2-staff-by-school", "v3-audit", "v4-half-yearly-terms", "v5-position-kinds",
                "v7-classification", "v8-retire-unused-indicator-tables", "v9-staff-snils", "v10-accounts",
                "v11-audit-school-status",
                "v12-staff-search", "v13-curator-pairing-by-curator", "v14-staff-search-word-count",
                "v15-staff-search-words", "v16-audit-record-version", "v17-evidence-files",
                "v20-plan-edits-mentoring-consent", "v21-indicators",
                "v22-risk-profiles",
                "v23-risk-programmes",
                "v24-social-vacancies", "v25-municipality", "v26-region-push", "v27-data-change",
            ])
        #expect(try db.reader.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 16384)
    }

    /// A file made with SQLite's default pages keeps them, and its data, when Nastavnik opens it.
    @Test func anExistingFileKeepsItsPageSize() throws {
        do {
            let plain = try DatabaseQueue(path: path())
            try plain.write { db in try db.execute(sql: "CREATE TABLE kept (x); INSERT INTO kept VALUES (1)") }
        }
        let db = try NastavnikDatabase(path: path())
        let (pageSize, kept) = try db.reader.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size"), try Int.fetchOne(db, sql: "SELECT x FROM kept"))
        }
        #expect(pageSize == 4096)
        #expect(kept == 1)
    }

    /// v4 made the occurrences' table again to accept half-yearly series; its constraints and
    /// the status history's reference to it hold as before.
    @Test func occurrencesAcceptHalfYearlySeriesAndKeepTheirConstraints() throws {
        let db = try NastavnikDatabase(path: path())
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO roadmap (roadmap_key, title) VALUES ('r', 'Карта');
                    INSERT INTO activity (roadmap_id, position, text, term) VALUES (1, 1, 'Мероприятие', 'раз в полугодие');
                    INSERT INTO activity_occurrence (activity_id, sequence, start_date, end_date, recurrence) VALUES (1, 1, '2026-01-01', '2026-06-30', 'halfYearly');
                    """)
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { db in
                try db.execute(
                    sql: "INSERT INTO activity_occurrence (activity_id, sequence, recurrence) VALUES (1, 2, 'weekly')")
            }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO occurrence_status_change (occurrence_id, status, date, recorded_at) VALUES (99, 'done', '2026-01-01', '2026-01-01')"
                )
            }
        }
        let indexes = try db.reader.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activity_occurrence' AND sql IS NOT NULL"
            )
        }
        #expect(indexes == ["activity_occurrence_due"])
    }

    @Test func pathResolution() {
        #expect(
            NastavnikDatabase.resolvePath(option: "a.sqlite", environment: ["NASTAVNIK_DB": "b.sqlite"]) == "a.sqlite")
        #expect(NastavnikDatabase.resolvePath(option: nil, environment: ["NASTAVNIK_DB": "b.sqlite"]) == "b.sqlite")
        #expect(NastavnikDatabase.resolvePath(option: nil, environment: [:]) == "nastavnik.sqlite")
    }

    @Test func reopeningKeepsDataAndMigratesOnce() throws {
        do {
            let db = try NastavnikDatabase(path: path())
            try db.writer.write { db in try db.execute(sql: "INSERT INTO school (code, name) VALUES ('S1', 'Школа')") }
        }
        let again = try NastavnikDatabase(path: path())
        #expect(try again.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM school") } == 1)
    }

    /// The constraints live in SQLite, not only in our code.
    @Test func constraintsAreEnforcedBySQLite() throws {
        let db = try NastavnikDatabase()
        try db.writer.write { db in try db.execute(sql: "INSERT INTO school (code, name) VALUES ('S1', 'Школа')") }
        let bad = [
            "INSERT INTO school (code, name) VALUES ('S1', 'Дубль')",
            "INSERT INTO school (code, name) VALUES ('S2', NULL)",
            "INSERT INTO school (code, name, latitude) VALUES ('S3', 'Ш', 95)",
            "INSERT INTO staff (person_key, full_name, school_id, position, position_kind) VALUES ('k', 'Ф', 999, 'учитель', 'pedagogical')",
            "INSERT INTO staff (person_key, full_name, school_id, position, position_kind) VALUES ('k', 'Ф', 1, 'учитель', 'cook')",
            "INSERT INTO school_status (school_id, status) VALUES (1, 'excellent')",
            "INSERT INTO curator_pairing (school_id, curator_school_id) VALUES (1, 1)",
            "INSERT INTO training (training_key, staff_id, course_id, status) VALUES ('t', 1, 1, 'done')",
        ]
        for sql in bad {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try db.writer.write { db in try db.execute(sql: sql) }
            }
        }
    }

    @Test func upsertTellsAddedChangedUnchanged() throws {
        let db = try NastavnikDatabase()
        try db.writer.write { db in
            // Another table's insert must not make an update look like an insert.
            try db.execute(sql: "INSERT INTO school (code, name) VALUES ('S0', 'Ноль')")
            let upsert = try Upsert(
                db, table: "school", columns: ["code", "name"], conflict: ["code"], returningID: true)
            let first = try upsert.run([.text("S1"), .text("Первая")])
            #expect(first.outcome == .added)
            #expect(first.id == 2)
            #expect(try upsert.run([.text("S1"), .text("Первая")]).outcome == .unchanged)
            let changed = try upsert.run([.text("S1"), .text("Первая СОШ")])
            #expect(changed.outcome == .changed)
            #expect(changed.id == 2)
            try db.execute(sql: "INSERT INTO school (code, name) VALUES ('S5', 'Пятая')")
            #expect(try upsert.run([.text("S5"), .text("Пятая")]).outcome == .unchanged)
            #expect(try upsert.run([.text("S0"), .text("Нулевая")]).outcome == .changed)
        }
    }

    @Test func failedImportTransactionLeavesNothing() throws {
        let db = try NastavnikDatabase(path: path())
        try db.writeSchoolsAndRollBack()
        #expect(try db.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM school") } == 0)
    }

    @Test func overviewCountsStaffWithoutRecentTraining() throws {
        let db = try NastavnikDatabase()
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа');
                    INSERT INTO staff (id, person_key, full_name, school_id, position, position_kind) VALUES
                      (1, 'a', 'А', 1, 'учитель', 'pedagogical'), (2, 'b', 'Б', 1, 'учитель', 'pedagogical'),
                      (3, 'c', 'В', 1, 'директор', 'leading'), (4, 'd', 'Г', 1, 'педагог-психолог', 'pedagogical');
                    INSERT INTO course (id, course_key, title, provider, hours) VALUES (1, 'k1', 'Курс', 'ИРО', 36), (2, 'k2', 'Вебинар', 'ИРО', 8);
                    INSERT INTO training (training_key, staff_id, course_id, end_date, status) VALUES
                      ('1', 1, 1, '2025-05-01', 'completed'),
                      ('2', 2, 2, '2025-05-01', 'completed'),
                      ('3', 3, 1, '2020-05-01', 'completed'),
                      ('4', 2, 1, '2026-12-20', 'studying');
                    """)
        }
        let overview = try db.overview(asOf: LocalDate(year: 2026, month: 11, day: 22)!)
        // Only A counts: B's webinar is under 16 hours and B's course is not finished; the director's is too old;
        // the psychologist is pedagogical staff (номенклатура № 225) without a training.
        #expect(overview.trainingBase == 4)
        #expect(overview.untrained == 3)
    }
}

@Suite struct BulkLoadTests {
    let dir: URL

    init() throws {
        dir = try temporaryDirectory("nastavnik-bulk")
    }

    func path() -> String { dir.appendingPathComponent("db.sqlite").path }

    /// A bulk load drops the staff indexes and builds them again exactly as the schema has them.
    @Test func indexesComeBackIdentical() throws {
        let db = try NastavnikDatabase()
        let schema = {
            try db.reader.read { db in
                try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE tbl_name = 'staff' ORDER BY name")
            }
        }
        let before = try schema()
        try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            _ = try session.upsertSchool(School(code: "S1", name: "Школа"))
            try session.beginBulk(table: "staff", estimatedRows: 100_000)
            #expect(
                try Int.fetchOne(
                    session.db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'staff' AND type = 'index'")
                    == 0)
            for i in 0..<3 {
                let member = StaffMember(
                    staffID: "T\(i)", fullName: "Учитель \(i)", schoolCode: "S1", position: "учитель")
                #expect(
                    try session.writeStaff(member, schoolID: session.schoolID(code: "S1")!, line: i + 2)
                        == .written(.added))
            }
            let repeated = StaffMember(staffID: "T1", fullName: "Другой", schoolCode: "S1", position: "учитель")
            #expect(try session.writeStaff(repeated, schoolID: 1, line: 9) == .duplicate(line: 3))
            try session.endBulk()
            return (true, ())
        }
        #expect(try schema() == before)
        #expect(try db.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") } == 3)
    }

    /// Rows written on the background thread: counted, and refused rows come back with their line.
    @Test func backgroundWritesCountAndReportRefusedRows() throws {
        let db = try NastavnikDatabase()
        try db.writer.write { db in try db.execute(sql: "INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа')")
        }
        let members = (0..<5000).map {
            StaffMember(staffID: "T\($0)", fullName: "Учитель \($0)", schoolCode: "S1", position: "учитель")
        }
        try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            session.startBackgroundWrites()
            for (i, member) in members.enumerated() {
                #expect(try session.writeStaff(member, schoolID: 1, line: i + 2) == .written(.added))
            }
            let outcome = session.finishBackgroundWrites()
            #expect(outcome.added == 5000 && outcome.failures.isEmpty)
            return (true, ())
        }
        try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            session.startBackgroundWrites()
            var moved = members[7]
            moved.position = "заместитель директора по УВР"
            #expect(try session.writeStaff(moved, schoolID: 1, line: 2) == .pending)
            #expect(try session.writeStaff(members[8], schoolID: 1, line: 3) == .pending)
            // No school 99: the foreign key refuses the row on the writer's thread.
            #expect(
                try session.writeStaff(
                    StaffMember(staffID: "X", fullName: "Новый", schoolCode: "S9", position: "учитель"),
                    schoolID: 99, line: 4, fields: ["X", "Новый"]) == .written(.added))
            #expect(try session.writeStaff(members[7], schoolID: 1, line: 5) == .duplicate(line: 2))
            let outcome = session.finishBackgroundWrites()
            #expect(outcome.changed == 1 && outcome.unchanged == 1)
            #expect(outcome.failures.map(\.line) == [4])
            #expect(outcome.failures.first?.fields == ["X", "Новый"])
            #expect(outcome.failures.first?.message.contains("FOREIGN KEY") == true)
            return (false, ())
        }
        #expect(try db.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") } == 5000)
    }

    /// Rows packed for the background writer are stored exactly as rows written directly:
    /// every column, lists joined, dates as ISO text, absent values as NULL.
    @Test func packedRowsMatchDirectWrites() throws {
        let members = [
            StaffMember(
                staffID: "T1", fullName: "Иванова Мария Петровна", schoolCode: "S1", position: "учитель",
                subjects: ["математика", "физика", "информатика"], birthDate: LocalDate(year: 1979, month: 2, day: 7),
                teachingSince: LocalDate(year: 2001, month: 9, day: 1), experienceYears: 24.5, category: .highest,
                categoryDate: LocalDate(year: 2024, month: 12, day: 25), email: "ivanova@school.ru",
                phone: "+7 900 000-00-00"),
            StaffMember(
                staffID: nil, fullName: "Петров Пётр", schoolCode: "S1", position: "директор", subjects: [],
                birthDate: LocalDate(year: 1960, month: 1, day: 1)),
            StaffMember(
                staffID: "T3", fullName: "Сидоров", schoolCode: "S1", position: "педагог-психолог",
                subjects: ["психология"]),
        ]
        func stored(background: Bool) throws -> [[DatabaseValue]] {
            let db = try NastavnikDatabase()
            try db.writer.write { db in
                try db.execute(sql: "INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа')")
            }
            try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
                if background { session.startBackgroundWrites() }
                for (i, member) in members.enumerated() { _ = try session.writeStaff(member, schoolID: 1, line: i + 2) }
                #expect(session.finishBackgroundWrites().failures.isEmpty)
                return (true, ())
            }
            return try db.reader.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id").map { Array($0.databaseValues) }
            }
        }
        let direct = try stored(background: false)
        #expect(try stored(background: true) == direct)
        #expect(direct.first?.contains("математика; физика; информатика".databaseValue) == true)
        #expect(direct.first?.contains("2024-12-25".databaseValue) == true)
    }

    @Test func smallFilesKeepTheIndexes() throws {
        let db = try NastavnikDatabase()
        try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            try session.beginBulk(table: "staff", estimatedRows: 10)
            #expect(
                try Int.fetchOne(
                    session.db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'staff' AND type = 'index'")
                    == 3)
            return (false, ())
        }
    }

    @Test func keyedWritesTellChangedFromUnchanged() throws {
        let db = try NastavnikDatabase()
        try db.writer.write { db in try db.execute(sql: "INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа')")
        }
        let member = StaffMember(staffID: "T1", fullName: "Учитель", schoolCode: "S1", position: "учитель")
        try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            #expect(try session.writeStaff(member, schoolID: 1, line: 2) == .written(.added))
            return (true, ())
        }
        try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            #expect(try session.writeStaff(member, schoolID: 1, line: 2) == .written(.unchanged))
            var moved = member
            moved.position = "заместитель директора по УВР"
            #expect(try session.writeStaff(moved, schoolID: 1, line: 3) == .duplicate(line: 2))
            return (true, ())
        }
        try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            var moved = member
            moved.position = "заместитель директора по УВР"
            #expect(try session.writeStaff(moved, schoolID: 1, line: 2) == .written(.changed))
            return (true, ())
        }
        let kind = try db.reader.read { db in try String.fetchOne(db, sql: "SELECT position_kind FROM staff") }
        #expect(kind == "leading")
    }

    /// The journal mode the import's own connection sees, from inside its transaction.
    static func journalMode(_ session: ImportSession) throws -> String? {
        try String.fetchOne(session.db, sql: "PRAGMA journal_mode")
    }

    static func writeTeachers(_ session: ImportSession, count: Int) throws {
        let schoolID = try #require(session.schoolID(code: "S1"))
        for i in 0..<count {
            let member = StaffMember(staffID: "T\(i)", fullName: "Учитель \(i)", schoolCode: "S1", position: "учитель")
            #expect(try session.writeStaff(member, schoolID: schoolID, line: i + 2) == .written(.added))
        }
    }

    /// A file database with one school, S1.
    func databaseWithSchool() throws -> NastavnikDatabase {
        let db = try NastavnikDatabase(path: path())
        try db.writer.write { db in try db.execute(sql: "INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа')")
        }
        return db
    }

    /// The file's journal mode, its staff rows and the staff table's indexes.
    static func fileState(_ db: NastavnikDatabase) throws -> (mode: String?, staff: Int?, indexes: Int?) {
        try db.reader.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM staff"),
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'staff' AND type = 'index'")
            )
        }
    }

    /// A bulk load is written through a rollback journal (no second write by a checkpoint) and
    /// leaves the file in WAL mode, with its usual synchronous setting, and no journal behind.
    @Test func bulkLoadGoesThroughARollbackJournalAndBackToWAL() throws {
        let db = try databaseWithSchool()
        // Read by a connection of its own, closed: a reader of the pool left open keeps the load in WAL.
        let counter = {
            let queue = try DatabaseQueue(path: self.path())
            defer { try? queue.close() }
            return try queue.read { try Int.fetchOne($0, sql: "SELECT counter FROM data_change") }
        }
        let before = try counter()
        try db.importTransaction(dryRun: false, checkedInMemory: true, bulkLoad: ("staff", 100_000)) {
            (session: ImportSession) throws -> (commit: Bool, value: Void) in
            #expect(try Self.journalMode(session) == "delete")
            #expect(try Int.fetchOne(session.db, sql: "PRAGMA synchronous") == 2)
            // The transaction began the bulk load: the indexes are gone until endBulk().
            #expect(
                try Int.fetchOne(
                    session.db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'staff' AND type = 'index'")
                    == 0)
            try Self.writeTeachers(session, count: 3)
            try session.endBulk()
            return (true, ())
        }
        let state = try Self.fileState(db)
        #expect(state.mode == "wal" && state.staff == 3 && state.indexes == 3)
        #expect(try db.reader.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)

        #expect(!FileManager.default.fileExists(atPath: path() + "-journal"))
        // A new connection finds the rows and WAL mode in the file itself.
        let reopened = try DatabaseQueue(path: path())
        #expect(try reopened.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") } == 3)
        // The data version moved once for the load (v27), and its counting trigger is back.
        let loaded = try counter()
        #expect(loaded == before.map { $0 + 1 })
        #expect(
            try db.reader.read {
                try Int.fetchOne(
                    $0,
                    sql:
                        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'data_change_staff_insert'"
                )
            } == 1)
        try db.writer.write {
            try $0.execute(
                sql: """
                    INSERT INTO staff (person_key, staff_id, full_name, school_id, position, position_kind)
                    VALUES ('id:X', 'X', 'Иксов Икс', 1, 'учитель', 'pedagogical')
                    """)
        }
        #expect(try counter() == loaded.map { $0 + 1 })
    }

    @Test func failedBulkLoadLeavesTheFileAsItWasInWALMode() throws {
        let db = try databaseWithSchool()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.importTransaction(dryRun: false, bulkLoad: ("staff", 100_000)) {
                (session: ImportSession) throws -> (commit: Bool, value: Void) in
                #expect(try Self.journalMode(session) == "delete")
                try Self.writeTeachers(session, count: 3)
                throw Boom()
            }
        }
        let state = try Self.fileState(db)
        #expect(state.mode == "wal" && state.staff == 0 && state.indexes == 3)
        #expect(!FileManager.default.fileExists(atPath: path() + "-journal"))
    }

    /// Small files, dry runs, tables already larger than the file, and a file another
    /// connection is reading all stay in WAL mode.
    @Test func otherImportsStayInWAL() throws {
        let db = try databaseWithSchool()
        let cases: [(dryRun: Bool, estimatedRows: Int)] = [(false, 49_999), (true, 100_000)]
        for (dryRun, estimatedRows) in cases {
            try db.importTransaction(dryRun: dryRun, bulkLoad: ("staff", estimatedRows)) {
                (session: ImportSession) throws -> (commit: Bool, value: Void) in
                #expect(try Self.journalMode(session) == "wal", "dry run \(dryRun), \(estimatedRows) rows")
                return (false, ())
            }
        }
        try db.writer.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
                    INSERT INTO staff (person_key, staff_id, full_name, school_id, position, position_kind)
                    SELECT 'id:T' || i, 'T' || i, 'Учитель ' || i, 1, 'учитель', 'pedagogical' FROM n
                    """)
        }
        try db.importTransaction(dryRun: false, bulkLoad: ("staff", 60_000)) {
            (session: ImportSession) throws -> (commit: Bool, value: Void) in
            #expect(try Self.journalMode(session) == "wal", "the table holds over half the file's rows")
            return (false, ())
        }
        // A reader in the middle of a read transaction keeps the file in WAL; the load goes on.
        try db.writer.write { db in try db.execute(sql: "DELETE FROM staff") }
        let other = try DatabaseQueue(path: path())
        try other.read { reader in
            #expect(try Int.fetchOne(reader, sql: "SELECT count(*) FROM staff") == 0)
            try db.importTransaction(dryRun: false, bulkLoad: ("staff", 100_000)) {
                (session: ImportSession) throws -> (commit: Bool, value: Void) in
                #expect(try Self.journalMode(session) == "wal")
                try Self.writeTeachers(session, count: 2)
                return (true, ())
            }
            // The reader's snapshot is the one it started with.
            #expect(try Int.fetchOne(reader, sql: "SELECT count(*) FROM staff") == 0)
        }
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") } == 2)
    }

    @Test func personnelNumbersStayUnique() throws {
        let db = try NastavnikDatabase()
        try db.writer.write { db in
            try db.execute(sql: "INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа')")
            try db.execute(
                sql:
                    "INSERT INTO staff (person_key, staff_id, full_name, school_id, position, position_kind) VALUES ('id:T1', 'T1', 'А', 1, 'учитель', 'pedagogical')"
            )
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO staff (person_key, staff_id, full_name, school_id, position, position_kind) VALUES ('nb:б|1980-01-01', 'T1', 'Б', 1, 'учитель', 'pedagogical')"
                )
            }
        }
    }
}
