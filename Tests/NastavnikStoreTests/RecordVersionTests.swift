import Foundation
import GRDB
import Testing

@testable import NastavnikStore

/// A record's version is its latest audit entry: a change by anyone since a form was opened makes
/// the form's save refused, naming who changed it, and nothing is written.
@Suite struct RecordVersionTests {
    let path: String

    init() throws {
        path = try temporaryDirectory("nastavnik-version").appendingPathComponent("db.sqlite").path
        _ = try NastavnikDatabase(path: path, actor: AuditActor(name: "сервер"))
    }

    func database(as name: String) throws -> NastavnikDatabase {
        try NastavnikDatabase(path: path).acting(as: AuditActor(name: name))
    }

    let school = RecordVersion.Part(table: "school", key: "S1")

    func rename(_ db: NastavnikDatabase, to name: String, expected: Int64?) throws {
        try db.checkedWrite([school], expectedVersion: expected) { db in
            try db.execute(sql: "UPDATE school SET name = ? WHERE code = 'S1'", arguments: [name])
        }
    }

    func name() throws -> String? {
        try NastavnikDatabase(path: path).reader.read { db in
            try String.fetchOne(db, sql: "SELECT name FROM school WHERE code = 'S1'")
        }
    }

    @Test func aRecordNobodyChangedIsUnloggedAndAnInsertGivesItAVersion() throws {
        let anna = try database(as: "Анна")
        #expect(try anna.recordVersion([school]) == .unlogged)
        try anna.checkedWrite([school], expectedVersion: 0) { db in
            try db.execute(sql: "INSERT INTO school (code, name) VALUES ('S1', 'Школа')")
        }
        let version = try anna.recordVersion([school])
        #expect(version.id > 0)
        #expect(version.by == "Анна")
    }

    @Test func aChangeSinceTheFormWasOpenedRefusesTheSaveAndWritesNothing() throws {
        let anna = try database(as: "Анна")
        let boris = try database(as: "Борис")
        try anna.checkedWrite([school], expectedVersion: nil) { db in
            try db.execute(sql: "INSERT INTO school (code, name) VALUES ('S1', 'Школа')")
        }
        let opened = try anna.recordVersion([school]).id
        // Both open the form on the same version; Boris saves first.
        try rename(boris, to: "Школа Бориса", expected: opened)
        #expect(throws: StaleRecordError.self) { try rename(anna, to: "Школа Анны", expected: opened) }
        #expect(try name() == "Школа Бориса")
        do {
            try rename(anna, to: "Школа Анны", expected: opened)
        } catch let error as StaleRecordError {
            #expect(error.by == "Борис")
            #expect(error.localizedDescription.hasPrefix("Запись изменена пользователем Борис в "))
        }
        // Opened again, the form saves.
        try rename(anna, to: "Школа Анны", expected: try anna.recordVersion([school]).id)
        #expect(try name() == "Школа Анны")
    }

    @Test func aRecordOfSeveralRowsTakesTheLatestOfThem() throws {
        let anna = try database(as: "Анна")
        try anna.checkedWrite([], expectedVersion: nil) { db in
            try db.execute(sql: "INSERT INTO school (code, name) VALUES ('S1', 'Школа'), ('S2', 'Другая')")
        }
        let both = [school, RecordVersion.Part(table: "school", key: "S2")]
        let opened = try anna.recordVersion(both).id
        try anna.checkedWrite([], expectedVersion: nil) { db in
            try db.execute(sql: "UPDATE school SET name = 'Иная' WHERE code = 'S2'")
        }
        #expect(try anna.recordVersion(both).id > opened)
        #expect(try anna.recordVersion([school]).id < opened)
        // A change to one row of the record makes the whole record's form stale.
        #expect(throws: StaleRecordError.self) {
            try anna.checkedWrite(both, expectedVersion: opened) { db in
                try db.execute(sql: "UPDATE school SET name = 'Х' WHERE code = 'S1'")
            }
        }
        #expect(try name() == "Школа")
    }
}
