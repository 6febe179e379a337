import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore
import Testing

/// The demo's anti-risk programmes and development documents through the use cases (issue 21).
@Suite struct NastavnikAppProgrammesTests {
    let asOf = LocalDate(year: 2026, month: 11, day: 22)!

    @Test func theDemoHasTwoProgrammesOfSupportedSchoolsWithTheirDocuments() async throws {
        let sandbox = try AppSandbox()
        guard case .loaded = try await sandbox.app.loadDemo(seeds: AppSandbox.seeds, asOf: asOf) else {
            Issue.record("the demo did not load")
            return
        }
        let programmes = try await sandbox.app.programmes(asOf: asOf)
        #expect(programmes.map(\.programme.schoolCode) == ["SV004", "SV010"])
        #expect(programmes.map(\.programme.factor) == [.academicFailureRisk, .teacherCompetence])
        // SV004's file (Windows-1251) has a measure of its own beside the catalogue's seven.
        #expect(programmes.map(\.programme.measures) == [8, 7])
        // On 22.11.2026 the terms over were SV004's September–October diagnostic and monthly
        // lessons, SV010's September–October diagnostic, the quarter ended 30.09 and the monthly
        // visits. The demo marks them done but the latest of each programme (a monthly term of
        // October), so each has its one-term diagnostic done and one measure overdue.
        #expect(programmes.map(\.overdue) == [1, 1])
        #expect(programmes.map(\.done) == [1, 1])
        #expect(programmes.allSatisfy { $0.planned == $0.programme.measures - $0.overdue - $0.done })
        let documents = try await sandbox.app.schoolDocuments()
        #expect(documents.count == 4)
        #expect(Set(documents.map(\.kind)) == [.concept, .programme])
        let report = try await sandbox.app.schoolReport(code: "SV010", asOf: asOf)
        let section = try #require(report.sections.last)
        #expect(section.title == "Антирисковые программы и документы развития")
        let tables = section.blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.map(\.rows.count) == [2, 1])
        let quarter = LocalDate(year: 2026, month: 10, day: 1)!...LocalDate(year: 2026, month: 12, day: 31)!
        let monitoring = try await sandbox.app.programmeReport(period: quarter, periodText: "2026Q4")
        #expect(monitoring.sections.contains { $0.title == "По школам и факторам риска" })
        let factors = try await sandbox.app.programmeFactorsBySchool()
        #expect(factors == ["SV004": [.academicFailureRisk], "SV010": [.teacherCompetence]])
    }
}
