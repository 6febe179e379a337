import Foundation
import GRDB
import Synchronization
import Testing

@testable import NastavnikStore

/// The audit triggers are installed behind the writes: the first write after opening is recorded,
/// also when they are installed only before it (`.beforeFirstWrite`), and a failed installation
/// refuses every write.
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

    @Test func installedBeforeTheFirstWriteItRecordsEveryWriteAndNoneBypassesIt() throws {
        let path = try temporaryDirectory("nastavnik-audit-deferred").appendingPathComponent("a.sqlite").path
        for round in 0..<3 {
            let database = try NastavnikDatabase(
                path: path, actor: AuditActor(name: "позже \(round)"), auditTiming: .beforeFirstWrite)
            // Nothing installed while it only reads, and the writing connection takes no change that
            // does not come through the write methods.
            #expect(!database.audit.isBegun)
            #expect(throws: (any Error).self) {
                try database.writer.writeWithoutTransaction { db in
                    try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('audit.bypass', '1')")
                }
            }
            if round == 1 { database.prepareForWrites() }
            try database.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('audit.probe', ?)",
                    arguments: ["\(round)"])
            }
            #expect(database.audit.isFinished)
            let actors = try database.reader.read { db in
                try String.fetchAll(db, sql: "SELECT actor FROM audit_log WHERE table_name = 'setting' ORDER BY id")
            }
            #expect(actors == (0...round).map { "позже \($0)" })
            #expect(
                try database.reader.read {
                    try Int.fetchOne($0, sql: "SELECT count(*) FROM setting WHERE key = 'audit.bypass'")
                } == 0)
        }
    }

    @Test func writesAskedForAtOnceAllWaitForTheInstallation() throws {
        let path = try temporaryDirectory("nastavnik-audit-race").appendingPathComponent("a.sqlite").path
        for round in 0..<10 {
            let database = try NastavnikDatabase(
                path: path, actor: AuditActor(name: "разом"), auditTiming: .beforeFirstWrite)
            let failures = Mutex(0)
            // Eight threads ask for their first write together: each must find the installation
            // queued ahead of it (the connection is query-only until it runs).
            DispatchQueue.concurrentPerform(iterations: 8) { i in
                do {
                    try database.write { db in
                        try db.execute(
                            sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                            arguments: ["audit.race.\(i)", "\(round)"])
                    }
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
            #expect(failures.withLock { $0 } == 0)
            let audited = try database.reader.read {
                try Int.fetchOne(
                    $0, sql: "SELECT count(*) FROM audit_log WHERE table_name = 'setting' AND actor = 'разом'")
            }
            #expect(audited == 8 * (round + 1))
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

/// A database opened and let go at once, its file then replaced by a new one at the same path (as
/// `restore` and a new demo do): the old connection must be closed before, or its closing would
/// remove the new file's -wal and -shm and lose what was written.
@Suite struct AuditInstallationLifetimeTests {
    @Test func aDatabaseLetGoAtOnceLeavesTheNextFileAtItsPathIntact() throws {
        let path = try temporaryDirectory("nastavnik-audit-lifetime").appendingPathComponent("a.sqlite").path
        let fm = FileManager.default
        for round in 0..<20 {
            // Let go at once, its installation of the triggers has run: nothing keeps the
            // connection open.
            var installation: AuditInstallation?
            do { installation = try NastavnikDatabase(path: path).audit }
            #expect(installation?.isFinished == true)
            for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
                try fm.removeItem(atPath: path + suffix)
            }
            let database = try NastavnikDatabase(path: path)
            try database.write { db in
                try db.execute(
                    sql: "INSERT INTO setting (key, value) VALUES ('audit.probe', ?)", arguments: ["\(round)"])
            }
            // Every file of the database still there while it is open.
            #expect(fm.fileExists(atPath: path + "-wal") && fm.fileExists(atPath: path + "-shm"))
            let again = try NastavnikDatabase(path: path, access: .read)
            #expect(
                try again.reader.read {
                    try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = 'audit.probe'")
                } == "\(round)")
        }
    }
}
