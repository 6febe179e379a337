import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikImport
@testable import NastavnikStore

/// Files saved by Russian Excel ("CSV (разделители — точки с запятой)"): Windows-1251, `;`,
/// CRLF, decimal commas, a quoted cell with a line break, no personnel numbers.
@Suite struct FixtureTests {
    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)).path
    }

    @Test func excelExportsImportAsTheyAre() throws {
        let sandbox = try Sandbox()
        let (db, importer) = try sandbox.importing()
        let schools = try importer.recognised(try fixture("schools-excel-cp1251.csv"), as: "schools")
        #expect(schools.encoding == "cp1251")
        #expect(schools.added == 3)
        let staff = try importer.recognised(try fixture("staff-excel-cp1251.csv"), as: "staff")
        #expect(staff.added == 3)
        let row = try #require(
            try db.writer.read { db in
                try Row.fetchOne(
                    db,
                    sql:
                        "SELECT s.*, sc.code FROM staff s JOIN school sc ON sc.id = s.school_id WHERE full_name LIKE 'Сем%'"
                )
            })
        #expect(row["full_name"] == "Семёнова Алёна Юрьевна")
        #expect(row["subjects"] == "математика; информатика")
        #expect(row["experience_years"] == 7.5)
        #expect(row["category"] == "first")
        #expect(row["category_date"] == "2022-12-12")
        #expect(row["person_key"] == "nb:семенова алена юрьевна|1991-04-03")
        let address = try db.writer.read { db in
            try String.fetchOne(db, sql: "SELECT address FROM school WHERE code = 'X02'")
        }
        #expect(address == "п. Лесной,\nкорпус 2")
        let students = try db.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT students FROM school WHERE code = 'X01'")
        }
        #expect(students == 1215)
        // Importing the same exports again changes nothing.
        #expect(try importer.summary(try fixture("staff-excel-cp1251.csv"), nil).unchanged == 3)
    }
}
