import Foundation
import GRDB
import Testing

@testable import NastavnikStore

/// The audit triggers are installed behind the writes: the first write after opening is recorded,
/// and a failed installation refuses every write.
@Suite struct AuditInstallationTests {
    @Test func theFirstWriteAfterOpeningIsRecorded() throws {
        let path = try temporaryDirectory("nastavnik-audit-installation").appendingPathComponent("a.sqlite").path
        for round in 0..<5 {
            let database = try NastavnikDatabase(path: path, actor: AuditActor(name: "проверка \(round)"))
            try database.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('audit.probe', ?)",
                    arguments: ["\(round)"])
            }
            let actors = try database.reader.read { db in
                try String.fetchAll(db, sql: "SELECT actor FROM audit_log WHERE table_name = 'setting' ORDER BY id")
            }
            #expect(actors.last == "проверка \(round)")
            #expect(actors.count == round + 1)
        }
    }

    @Test func aFailedInstallationRefusesEveryWrite() throws {
        let database = try NastavnikDatabase()
        database.audit.failed(StoreError.invalid("установка не удалась"))
        #expect(throws: StoreError.invalid("установка не удалась")) {
            try database.write { db in
                try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('audit.probe', '1')")
            }
        }
        #expect(
            try database.reader.read {
                try Int.fetchOne($0, sql: "SELECT count(*) FROM setting WHERE key = 'audit.probe'")
            } == 0)
    }
}
