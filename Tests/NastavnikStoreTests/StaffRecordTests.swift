import GRDB
import Testing

@testable import NastavnikStore

/// `StaffRecord` reads its row column by column: what it writes it reads back, and a missing
/// column is an error, as the decoding it replaced said.
@Suite struct StaffRecordTests {
    @Test func aWrittenRecordReadsBackWholeAndAMissingColumnThrows() throws {
        let path = try temporaryDirectory("nastavnik-staff-record").appendingPathComponent("db.sqlite").path
        let db = try NastavnikDatabase(path: path)
        var full = StaffRecord(
            id: nil, personKey: "id:T1", staffId: "T1", fullName: "Иванова Анна Петровна", schoolId: 1,
            position: "Учитель", positionKind: "pedagogical", subjects: "Математика; Физика",
            birthDate: "1980-02-03", teachingSince: "2005-09-01", experienceYears: 19.5, category: "first",
            categoryDate: "2022-05-01", email: "a@example.ru", phone: "+7 900 000-00-00", forgottenAt: nil,
            postSince: "2010-09-01", snils: "112-233-445 95")
        var bare = StaffRecord(
            id: nil, personKey: "id:T2", staffId: nil, fullName: "Петров Иван", schoolId: 1, position: "Сторож",
            positionKind: "other", subjects: "", birthDate: nil, teachingSince: nil, experienceYears: nil,
            category: nil, categoryDate: nil, email: nil, phone: nil, forgottenAt: nil, postSince: nil, snils: nil)
        try db.writer.write { db in
            try db.execute(sql: "INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа')")
            try full.insert(db)
            try bare.insert(db)
        }
        full.id = 1
        bare.id = 2
        let read = try db.reader.read { db in try StaffRecord.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id") }
        #expect(read == [full, bare])
        #expect(throws: RowDecodingError.self) {
            try db.reader.read { db in
                try StaffRecord.fetchOne(db, sql: "SELECT id, full_name FROM staff WHERE id = 1")
            }
        }
    }
}
