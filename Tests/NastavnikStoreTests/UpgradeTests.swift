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
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nastavnik-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        // A checkout gives the fixture 0644; a database of Nastavnik's own is 0600.
        chmod(path, 0o600)
        let db = try NastavnikDatabase(path: path)
        #expect(try db.appliedMigrations() == NastavnikDatabase.knownMigrations.sorted())
        let counts = try db.writer.read { db in
            try ["school", "staff", "activity", "activity_occurrence"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
        #expect(counts == [3, 3, 24, 29])
        // v2 replaced the school index of staff with the covering one the staff lists read.
        let staffIndexes = try db.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'staff' AND sql IS NOT NULL ORDER BY name")
        }
        #expect(staffIndexes == ["staff_by_school", "staff_person_key"])
        #expect(try db.doctor().filter { !$0.ok }.map(\.name) == [])
        #expect(try db.schools().map(\.code) == ["X01", "X02", "X03"])
    }
}

/// v7 makes the events' table again (to add «творческая лаборатория»): every event, its
/// participants and presenters and the plan items that name it survive with their ids.
@Suite struct EventKindsUpgradeTests {
    @Test func eventsSurviveTheMigrationAndTakeTheNewKind() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nastavnik-v7-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("db.sqlite").path)
        var migrator = DatabaseMigrator()
        Schema.register(in: &migrator)
        try migrator.migrate(queue, upTo: "v4-half-yearly-terms")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO school (id, code, name) VALUES (1, 'A', 'Школа');
                INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind) VALUES (1, 'id:T1', 'T1', 'Учитель', 1, 'учитель', 'teacher');
                INSERT INTO event (id, kind, title, topic, date) VALUES (7, 'methodAssociation', 'МО', 'т', '2025-10-01');
                INSERT INTO event_participant (event_id, staff_id, attended) VALUES (7, 1, 1);
                INSERT INTO event_presenter (event_id, staff_id) VALUES (7, 1);
                """)
            #expect(throws: (any Error).self) {
                try db.execute(sql: "INSERT INTO event (kind, title, date) VALUES ('creativeLab', 'Лаборатория', '2025-10-02')")
            }
        }
        try migrator.migrate(queue)
        try queue.write { db in
            #expect(try String.fetchOne(db, sql: "SELECT kind FROM event WHERE id = 7") == "methodAssociation")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_participant WHERE event_id = 7 AND attended = 1") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_presenter WHERE event_id = 7") == 1)
            try db.execute(sql: "INSERT INTO event (kind, title, date) VALUES ('creativeLab', 'Лаборатория', '2025-10-02')")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event' AND sql IS NOT NULL") == ["event_date"])
            // Deleting an event still cascades to its participants (the references follow the new table).
            try db.execute(sql: "DELETE FROM event WHERE id = 7")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_participant") == 0)
        }
    }
}
