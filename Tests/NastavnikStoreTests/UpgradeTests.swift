import Foundation
import GRDB
import Testing

@testable import NastavnikStore

/// A database written by the first released schema (v1) must open and migrate in every later
/// version. The fixture was made by Nastavnik 0.1 from the Excel fixtures and a seed roadmap;
/// it is never regenerated.
@Suite struct UpgradeTests {
    @Test func firstReleasedSchemaOpensAndMigrates() throws {
        let fixture = try #require(Bundle.module.url(forResource: "Fixtures/schema-v1", withExtension: "sqlite"))
        let dir = try temporaryDirectory("nastavnik-upgrade")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        // A checkout gives the fixture 0644; a database of Nastavnik's own is 0600.
        chmod(path, 0o600)
        let db = try NastavnikDatabase(path: path)
        #expect(try db.appliedMigrations() == NastavnikDatabase.knownMigrations)
        let counts = try db.reader.read { db in
            try ["school", "staff", "activity", "activity_occurrence"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0
            }
        }
        #expect(counts == [3, 3, 24, 29])
        // v2 replaced the school index of staff with the covering one the staff lists read.
        #expect(try db.staffIndexNames() == ["staff_by_school", "staff_person_key", "staff_snils"])
        #expect(try db.doctor().filter { !$0.ok }.map(\.name) == [])
        #expect(try db.schools().map(\.code) == ["X01", "X02", "X03"])
    }
}

/// v5-position-kinds: a database of v4 keeps its staff (and their ids), with kinds read again
/// from the titles, stated years turned into a start date as of the last staff import, and
/// the new categories and columns accepted.
@Suite struct PositionKindsUpgradeTests {
    @Test func v4StaffIsReclassifiedAndExperienceBecomesADate() throws {
        let db = try upgradedDatabase(
            from: "v4-half-yearly-terms",
            sql: """
                INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind, teaching_since, experience_years) VALUES
                  (7, 'id:A', 'A', 'А', 1, 'педагог-психолог', 'specialist', NULL, 1),
                  (9, 'id:B', 'B', 'Б', 1, 'заведующий хозяйством', 'leader', NULL, NULL),
                  (12, 'id:C', 'C', 'В', 1, 'учитель', 'teacher', '2001-09-01', 20);
                INSERT INTO course (id, course_key, title, provider, hours) VALUES (1, 'k', 'Курс', 'ИРО', 36);
                INSERT INTO training (training_key, staff_id, course_id, end_date, status) VALUES ('t', 12, 1, '2025-05-01', 'completed');
                INSERT INTO import_log (file_name, sha256, kind, imported_at, added, changed, unchanged)
                  VALUES ('old.csv', 'x', 'staff', '2024-03-01T10:00:00Z', 3, 0, 0),
                         ('new.csv', 'y', 'staff', '2025-09-01T10:00:00Z', 0, 0, 3);
                """)
        let rows = try db.reader.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, position_kind, teaching_since, last_training_end FROM staff ORDER BY id"
            )
            .map { "\($0[0] as Int64) \($0[1] as String) \(($0[2] as String?) ?? "-") \(($0[3] as String?) ?? "-")" }
        }
        // The psychologist is pedagogical, the завхоз is not management; one year as of the last staff import
        // (01.09.2025) is 01.09.2024; a stored start date stays; the kept training end stays.
        #expect(rows == ["7 pedagogical 2024-09-01 -", "9 other - -", "12 pedagogical 2001-09-01 2025-05-01"])
        // The triggers that keep the last training were made again with the table.
        try db.writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO training (training_key, staff_id, course_id, end_date, status) VALUES ('u', 7, 1, '2026-02-01', 'completed')"
            )
            try db.execute(sql: "UPDATE staff SET category = 'methodist', post_since = '2020-09-01' WHERE id = 12")
        }
        #expect(
            try db.reader.read { db in try String.fetchOne(db, sql: "SELECT last_training_end FROM staff WHERE id = 7")
            } == "2026-02-01")
        #expect(try db.staffIndexNames() == ["staff_by_school", "staff_person_key", "staff_snils"])
        #expect(try db.doctor().filter { !$0.ok }.map(\.name) == [])
    }
}

/// v7 makes the events' table again (to add «творческая лаборатория»): every event, its
/// participants and presenters and the plan items that name it survive with their ids.
@Suite struct EventKindsUpgradeTests {
    @Test func eventsSurviveTheMigrationAndTakeTheNewKind() throws {
        let dir = try temporaryDirectory("nastavnik-v7")
        defer { try? FileManager.default.removeItem(at: dir) }
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("db.sqlite").path)
        let migrator = Schema.migrator()
        try migrator.migrate(queue, upTo: "v4-half-yearly-terms")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO school (id, code, name) VALUES (1, 'A', 'Школа');
                    INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind) VALUES (1, 'id:T1', 'T1', 'Учитель', 1, 'учитель', 'teacher');
                    INSERT INTO event (id, kind, title, topic, date) VALUES (7, 'methodAssociation', 'МО', 'т', '2025-10-01');
                    INSERT INTO event_participant (event_id, staff_id, attended) VALUES (7, 1, 1);
                    INSERT INTO event_presenter (event_id, staff_id) VALUES (7, 1);
                    """)
            #expect(throws: (any Error).self) {
                try db.execute(
                    sql: "INSERT INTO event (kind, title, date) VALUES ('creativeLab', 'Лаборатория', '2025-10-02')")
            }
        }
        try migrator.migrate(queue)
        try queue.write { db in
            #expect(try String.fetchOne(db, sql: "SELECT kind FROM event WHERE id = 7") == "methodAssociation")
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM event_participant WHERE event_id = 7 AND attended = 1")
                    == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_presenter WHERE event_id = 7") == 1)
            try db.execute(
                sql: "INSERT INTO event (kind, title, date) VALUES ('creativeLab', 'Лаборатория', '2025-10-02')")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event' AND sql IS NOT NULL"
                ) == ["event_date"])
            // Deleting an event still cascades to its participants (the references follow the new table).
            try db.execute(sql: "DELETE FROM event WHERE id = 7")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_participant") == 0)
        }
    }
}

/// v8 retires v1's `indicator` and `indicator_value` (never written nor read; the target
/// indicators of issue #21 get tables of their own shape): a database of v7 loses them and
/// their index, and keeps everything else.
@Suite struct IndicatorTablesRetirementTests {
    @Test func aV7DatabaseLosesTheIndicatorTablesAndKeepsItsData() throws {
        // Rows in both tables: v1 made them writable, whatever wrote them goes with them.
        let db = try upgradedDatabase(
            from: "v7-classification",
            sql: """
                INSERT INTO indicator (id, code, title) VALUES (1, 'I1', 'Показатель');
                INSERT INTO indicator_value (indicator_id, school_id, as_of, value) VALUES (1, 1, '2025-09-01', 50);
                """)
        #expect(try db.appliedMigrations().contains("v8-retire-unused-indicator-tables"))
        let left = try db.reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'indicator%' ORDER BY name")
        }
        #expect(left == [])
        #expect(try db.schools().map(\.code) == ["S1"])
        #expect(try db.doctor().filter { !$0.ok }.map(\.name) == [])
        // The audit triggers are made from the schema: none is left for a dropped table.
        let triggers = try db.writer.writeWithoutTransaction { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_temp_master WHERE name LIKE 'audit_indicator%'")
        }
        #expect(triggers == [])
    }
}

/// A database file as an older program left it, opened (and so upgraded) by this version: migrated
/// up to `migration`, with the school S1 (id 1) and the rows `sql` writes; mode 0600 as
/// Nastavnik's own (a file made here gets the umask's). In a temporary directory of its own.
func upgradedDatabase(from migration: String, sql: String) throws -> NastavnikDatabase {
    let path = try temporaryDirectory("nastavnik-upgrade").appendingPathComponent("\(migration).sqlite").path
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator().migrate(queue, upTo: migration)
    try queue.write { db in
        try db.execute(sql: "INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа');" + sql)
    }
    try queue.close()
    chmod(path, 0o600)
    return try NastavnikDatabase(path: path)
}

@Suite struct SNILSColumnUpgradeTests {
    @Test func aV8DatabaseGainsAnEmptyUniqueSNILSColumnAndKeepsItsStaff() throws {
        let db = try upgradedDatabase(
            from: "v8-retire-unused-indicator-tables",
            sql: """
                INSERT INTO staff (person_key, staff_id, full_name, school_id, position, position_kind)
                    VALUES ('id:T1', 'T1', 'Иванова Анна', 1, 'учитель', 'pedagogical'),
                           ('id:T2', 'T2', 'Петров Иван', 1, 'учитель', 'pedagogical');
                """)
        // Every later migration is applied (their names are held by StoreTests).
        #expect(try db.appliedMigrations() == NastavnikDatabase.knownMigrations)
        let snils = try db.reader.read { db in try String?.fetchAll(db, sql: "SELECT snils FROM staff ORDER BY id") }
        #expect(snils == [nil, nil])
        // Unique where known; any number of people without one.
        try db.writer.write { db in
            try db.execute(sql: "UPDATE staff SET snils = '112-233-445 95' WHERE staff_id = 'T1'")
        }
        #expect(throws: (any Error).self) {
            try db.writer.write { db in
                try db.execute(sql: "UPDATE staff SET snils = '112-233-445 95' WHERE staff_id = 'T2'")
            }
        }
        #expect(throws: (any Error).self) {
            try db.writer.write { db in
                try db.execute(sql: "UPDATE staff SET snils = '11223344595' WHERE staff_id = 'T2'")
            }
        }
    }
}
