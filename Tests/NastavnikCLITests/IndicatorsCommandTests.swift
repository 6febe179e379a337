import Foundation
import Testing

@testable import NastavnikCLI

/// `indicators`, `diagnostics summary` and `seminars coverage` on one small municipality.
@Suite struct IndicatorsCommandTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static var files: [(String, String)] {
        // A is НОР; C has nobody diagnosed. X1 is an accountant: outside every staff rule.
        let staff = """
            Табельный номер;ФИО;Код ОО;Должность
            T1;Учитель Первый;A;учитель математики
            D1;Директор Первый;A;директор
            X1;Бухгалтер Первый;A;бухгалтер
            T2;Учитель Второй;B;учитель
            T3;Учитель Третий;B;учитель
            T4;Учитель Четвёртый;C;учитель

            """
        let diagnostics = """
            Табельный номер;Дата диагностики;Предметные компетенции;Методические компетенции;Дефициты
            T3;15.03.2025;15;30;
            T1;15.03.2026;12;25;формирующее оценивание
            X1;15.03.2026;15;30;
            T2;15.03.2026;15;30;

            """
        return [
            ("schools", "Код ОО;Наименование ОО;Статус\nA;Школа А;НОР\nB;Школа Б;\nC;Школа В;\n"),
            ("staff", staff), ("diagnostics", diagnostics),
        ]
    }

    func indicators() async throws -> (schools: [[String: Any]], figures: [[String: Any]]) {
        let result = await run(["indicators", "--as-of", "01.06.2026", "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        let object = try jsonObject(result.out)
        return (
            try #require(object["schools"] as? [[String: Any]]), try #require(object["indicators"] as? [[String: Any]])
        )
    }

    /// Заиграевский 3.2 is over the НОР schools' pedagogical and leading workers, and says so.
    @Test func indicator32IsOverTheStaffOfLowResultSchools() async throws {
        let (schools, figures) = try await indicators()
        let subject = try #require(figures.first { ($0["indicator"] as? String)?.contains("предметные") == true })
        #expect(subject["number"] as? String == "3.2")
        #expect(subject["numerator"] as? Int == 1)
        #expect(subject["denominator"] as? Int == 2)
        #expect(subject["share"] as? Double == 50)
        #expect((subject["population"] as? String)?.contains("школ с НОР") == true)
        let b = try #require(schools.first { $0["school_code"] as? String == "B" })
        #expect(b["above_subject_share"] is NSNull)
        let a = try #require(schools.first { $0["school_code"] as? String == "A" })
        #expect(a["staff"] as? Int == 2)
        #expect(a["above_subject_share"] as? Double == 50)
    }

    /// `diagnostics summary` and `indicators` count the same people.
    @Test func summaryAndIndicatorsCountTheSameTeachers() async throws {
        let summary = try jsonObject(await run(["diagnostics", "summary", "--db", db, "--format", "json"]).out)
        let rows = try #require(summary["schools"] as? [[String: Any]])
        let municipality = try #require(rows.first { $0["school"] as? String == "Муниципалитет" })
        let (schools, _) = try await indicators()
        let total = try #require(schools.first { $0["school"] as? String == "Муниципалитет" })
        #expect(municipality["teachers"] as? Int == 3)
        #expect(total["diagnosed"] as? Int == municipality["teachers"] as? Int)
    }

    @Test func aSchoolWithoutResultsSaysSo() async {
        let out = await run(["diagnostics", "summary", "--school", "C", "--db", db])
        #expect(out.status == 0, "\(out.err)")
        #expect(out.out.contains("Нет результатов диагностики — дефициты не определены."))
        #expect(!out.out.contains("Дефицитов не выявлено"))
        #expect(
            await run(["diagnostics", "summary", "--school", "ZZ", "--db", db]).err.contains(
                "Школа с кодом «ZZ» не найдена (--school)."))
    }

    /// Coverage counts leading workers, and a master class counts towards the whole 30 % row.
    @Test func coverageCountsLeadersAndTheWholeRow() async throws {
        let created = await run([
            "seminars", "create", "--topic", "формирующее оценивание", "--kind", "творческая лаборатория",
            "--from", "01.10.2025", "--to", "31.10.2025", "--db", db,
        ])
        #expect(created.status == 0, "\(created.err)")
        #expect(await run(["seminars", "attendance", "1", "--present", "T1", "D1", "X1", "--db", db]).status == 0)
        let out = await run([
            "seminars", "coverage", "--period", "2025/26", "--kind", "мастер-класс", "--db", db, "--format", "json",
        ])
        #expect(out.status == 0, "\(out.err)")
        let rows = try jsonArray(out.out)
        let a = try #require(rows.first { $0["school_code"] as? String == "A" })
        #expect(a["teachers"] as? Int == 2)
        #expect(a["reached"] as? Int == 2)
        #expect(a["target"] as? Double == 30)
        #expect(a["met"] as? Bool == true)
        let total = try #require(rows.first { $0["school"] as? String == "Муниципалитет" })
        #expect(total["teachers"] as? Int == 5)
        #expect(total["reached"] as? Int == 2)
        // The target's population: the schools of the program (A, the НОР school).
        let program = try #require(rows.last)
        #expect(program["school"] as? String == "Школы с НОР, ЗПР, ЗУР и ШНСУ")
        #expect(program["teachers"] as? Int == 2)
    }
}
