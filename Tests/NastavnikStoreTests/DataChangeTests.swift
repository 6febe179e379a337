import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// The data's version (v27): every change to a table a region snapshot is made of counts, by
/// whatever program it is made; the pushes and logs do not.
@Suite struct DataChangeTests {
    func database() throws -> NastavnikDatabase { try auditedDatabase("data-change") }

    // Tables no snapshot is made of: their writes must not make a push build the snapshot again.
    static let uncounted: Set<String> = [
        "data_change", "region_push", "audit_log", "import_log", "user", "web_session", "grdb_migrations",
    ]

    @Test func everyTableASnapshotIsMadeOfHasTheCountingTriggers() throws {
        let db = try database()
        try DatabaseQueue(path: db.path!).read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            let triggers = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            #expect(tables.count > 30)
            for table in tables where !Self.uncounted.contains(table) && !table.hasPrefix("staff_search") {
                for event in ["insert", "update", "delete"] {
                    #expect(
                        triggers.contains("data_change_\(table)_\(event)"),
                        "таблица \(table) без триггера data_change_\(table)_\(event)")
                }
            }
        }
    }

    @Test func aChangeByAnyProgramMovesTheVersionAndAPushRecordDoesNot() throws {
        let db = try database()
        let start = try db.dataVersion()
        _ = try db.setMunicipality(oktmo: "81618000", name: "Заиграевский район")
        let afterIdentity = try db.dataVersion()
        #expect(afterIdentity != start)
        try db.recordRegionPush(
            RegionPushRecord(
                region: "postgres://r@h/db", batch: "b1", pushedAt: "2026-12-05T10:00:00Z", asOf: "2026-12-05",
                personalData: false, added: 1, changed: 0, deleted: 0, unchanged: 0, stateSHA: "s", dataVersion: "v"))
        #expect(try db.dataVersion() == afterIdentity)
        #expect(try db.lastRegionPush(region: "postgres://r@h/db")?.stateSHA == "s")
        // sqlite3 or any other program: counted by the triggers, not by our writes.
        let queue = try DatabaseQueue(path: db.path!)
        try queue.write { try $0.execute(sql: "INSERT INTO school (code, name) VALUES ('S1', 'Школа № 1')") }
        let afterInsert = try db.dataVersion()
        #expect(afterInsert != afterIdentity)
        try queue.write { try $0.execute(sql: "UPDATE school SET name = 'Школа № 2' WHERE code = 'S1'") }
        let afterUpdate = try db.dataVersion()
        #expect(afterUpdate != afterInsert)
        try queue.write { try $0.execute(sql: "DELETE FROM school WHERE code = 'S1'") }
        #expect(try db.dataVersion() != afterUpdate)
        // An update that matches no row changes nothing.
        let settled = try db.dataVersion()
        try queue.write { try $0.execute(sql: "UPDATE school SET name = 'x' WHERE code = 'нет такой'") }
        #expect(try db.dataVersion() == settled)
    }
}
