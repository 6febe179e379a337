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
