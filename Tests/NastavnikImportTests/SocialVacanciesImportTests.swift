import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikImport
@testable import NastavnikStore

/// The social kind's vacancies (issue 21, «500+» factor 2): vacant pedagogical positions in
/// ставки to one decimal, under any of their Russian headers; files without them still valid.
@Suite struct SocialVacanciesImportTests: ImportingSuite {
    let base: ImportBase

    init() throws {
        base = try ImportBase()
        let s = try importer.summary(
            sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Школа 1\nS2;Школа 2\nS3;Школа 3\n"), .schools)
        #expect(s.errors == [])
    }

    func vacancies(_ year: Int = 2025) throws -> [String: Double?] {
        let inputs = try db.riskInputs(year: year, asOf: LocalDate(year: year, month: 12, day: 31)!)
        return Dictionary(uniqueKeysWithValues: inputs.map { ($0.schoolCode, $0.vacancies) })
    }

    @Test func theColumnIsReadUnderItsHeaders() throws {
        let text =
            "Код ОО;Год;Доля обучающихся из семей в ТЖС;Вакансий педагогов\nS1;2025;9;2\nS2;2025;5;1,5\nS3;2025;4;\n"
        #expect(try importer.summary(sandbox.write("social.csv", text), .social).errors == [])
        #expect(try vacancies() == ["S1": 2, "S2": 1.5, "S3": nil])
        let other = "Код ОО;Год;Вакансии (педагогические ставки)\nS3;2025;0\n"
        #expect(try importer.summary(sandbox.write("social-2.csv", other), .social).errors == [])
        #expect(try vacancies()["S3"] == 0)
        // A file of the old columns: valid, and the vacancies it does not have are kept.
        let old = "Код ОО;Год;Доля обучающихся из семей в ТЖС\nS1;2025;12\n"
        #expect(try importer.summary(sandbox.write("social-old.csv", old), .social).errors == [])
        #expect(try vacancies()["S1"] == 2)
    }

    @Test func aNegativeTextOrTooFineValueIsRefusedNamingLineColumnAndValue() throws {
        let text = """
            Код ОО;Год;Количество вакансий
            S1;2025;-1
            S2;2025;много
            S3;2025;0,25

            """
        let summary = try importer.summary(sandbox.write("bad.csv", text), .social)
        #expect(summary.errors.map(\.line) == [2, 3, 4])
        #expect(summary.errors.allSatisfy { $0.column == "Количество вакансий" })
        #expect(summary.errors[0].message.hasSuffix("(-1)"))
        #expect(summary.errors[1].message == "не число (много)")
        #expect(summary.errors[2].message == "число ставок — не более одного знака после запятой, например 1,5 (0,25)")
        #expect(try vacancies().values.allSatisfy { $0 == nil })
    }
}
