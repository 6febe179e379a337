import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore
import Testing

/// The diagnostics use cases on a real database: the summary by school and municipality, the
/// dynamics between campaigns, the refusals.
@Suite struct NastavnikAppDiagnosticsTests {
    let sandbox: AppSandbox

    init() async throws {
        sandbox = try AppSandbox()
        let files = [
            ("schools", "Код ОО;Наименование ОО\nA;Школа А\nB;Школа Б\n"),
            (
                "staff",
                "Табельный номер;ФИО;Код ОО;Должность\nT1;Учитель Первый;A;учитель\nT2;Учитель Второй;B;учитель\n"
            ),
            (
                "diagnostics",
                """
                Табельный номер;Дата диагностики;Предметные компетенции;Методические компетенции;Дефициты
                T1;15.03.2025;8;18;ГИА
                T2;15.03.2025;12;22;
                T1;15.03.2026;12;25;формирующее оценивание
                T2;15.03.2026;11;19;

                """
            ),
        ]
        for (kind, text) in files {
            let outcome = try await sandbox.app.importFile(
                kind: ImportKind(rawValue: kind), path: sandbox.write("\(kind).csv", text),
                options: ImportOptions(today: LocalDate(year: 2026, month: 6, day: 1)!))
            #expect(!outcome.failed, "\(outcome.summary.errors)")
        }
    }

    @Test func summaryHasEachSchoolThenTheMunicipality() async throws {
        let summary = try await sandbox.app.diagnosticsSummary(schoolCode: nil, campaign: nil)
        #expect(summary.schools.rows.map { $0[1].display } == ["Школа А", "Школа Б", "Муниципалитет"])
        #expect(summary.schools.rows.map { $0[2] } == [.integer(1), .integer(1), .integer(2)])
        #expect(summary.deficits.rows.map { $0[0].display } == ["формирующее оценивание"])
    }

    @Test func oneSchoolHasNoMunicipalityRow() async throws {
        let summary = try await sandbox.app.diagnosticsSummary(schoolCode: "B", campaign: nil)
        #expect(summary.schools.rows.map { $0[0].display } == ["B"])
        await #expect(throws: AppError("Школа с кодом «Z» не найдена (--school).")) {
            try await sandbox.app.diagnosticsSummary(schoolCode: "Z", campaign: nil)
        }
        await #expect(throws: AppError("Кампания «7» не найдена (--campaign).")) {
            try await sandbox.app.diagnosticsSummary(schoolCode: nil, campaign: "7")
        }
    }

    @Test func dynamicsComparesTheTwoCampaigns() async throws {
        let dynamics = try await sandbox.app.diagnosticsDynamics(from: "15.03.2025", to: "15.03.2026", schoolCode: nil)
        #expect(dynamics.teachers.rows.count == 2)
        #expect(dynamics.schools.rows.map { $0[1].display } == ["Школа А", "Школа Б", "Муниципалитет"])
        // T1's subject score went from 8 to 12.
        #expect(dynamics.schools.rows[0][3] == .number(4, decimals: 1))
    }
}
