import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// `reader` is the public, read-only way into the database for tests and tools.
@Suite struct NastavnikDatabaseReaderTests {
    let dir: URL

    init() throws {
        dir = try temporaryDirectory("nastavnik-reader")
    }

    @Test func theReaderReadsAndCannotWrite() throws {
        let db = try NastavnikDatabase(path: dir.appendingPathComponent("db.sqlite").path)
        #expect(try db.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM school") } == 0)
        #expect(throws: DatabaseError.self) {
            try db.reader.read { db in try db.execute(sql: "INSERT INTO school (code, name) VALUES ('S1', 'Школа')") }
        }
        #expect(try db.schools().isEmpty)
    }

    /// With `pseudonymize`, the reader's connections see pseudonyms, as every report does.
    @Test func aPseudonymizedReaderSeesPseudonyms() throws {
        let path = dir.appendingPathComponent("db.sqlite").path
        try NastavnikDatabase(path: path).writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа');
                    INSERT INTO staff (person_key, staff_id, full_name, school_id, position, position_kind)
                      VALUES ('id:T1', 'T1', 'Иванова Анна', 1, 'учитель', 'pedagogical');
                    """)
        }
        let hidden = try NastavnikDatabase(path: path, pseudonymize: true, access: .read)
        let name = try hidden.reader.read { db in try String.fetchOne(db, sql: "SELECT full_name FROM staff") }
        #expect(name?.hasPrefix("Работник ") == true)
    }

    /// What `demo` asks before it replaces a file.
    @Test func provenanceTellsTheDemosDataFromWorkingData() throws {
        let path = dir.appendingPathComponent("db.sqlite").path
        let db = try NastavnikDatabase(path: path)
        #expect(try db.dataProvenance() == DataProvenance(foreignImports: 0, demoImports: 0, schools: 0))
        #expect(try !db.dataProvenance().hasWorkingData)
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO school (code, name) VALUES ('S1', 'Школа');
                    INSERT INTO import_log (file_name, sha256, kind, imported_at, imported_by, added, changed, unchanged)
                      VALUES ('schools.csv', 'x', 'schools', '2026-01-01T00:00:00Z', 'demo', 1, 0, 0);
                    """)
        }
        #expect(try db.dataProvenance() == DataProvenance(foreignImports: 0, demoImports: 1, schools: 1))
        #expect(try !db.dataProvenance().hasWorkingData)
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_log (file_name, sha256, kind, imported_at, imported_by, added, changed, unchanged)
                      VALUES ('staff.csv', 'y', 'staff', '2026-01-02T00:00:00Z', 'Петрова', 1, 0, 0)
                    """)
        }
        #expect(try db.dataProvenance().hasWorkingData)
    }
}
