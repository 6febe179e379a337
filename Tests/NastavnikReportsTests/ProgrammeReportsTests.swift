import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

/// The programmes' progress and monitoring report built from plain values (issue 21).
@Suite struct ProgrammeReportsTests {
    static let programme = ProgrammeLine(
        roadmapID: 1, key: "programme-S1-3", title: "Программа", schoolCode: "S1", schoolName: "Школа № 1",
        factor: .teacherCompetence, goal: "Цель", periodStart: nil, periodEnd: nil, measures: 4)

    static func term(
        _ id: Int64, activity: Int64, roadmap: String = "programme-S1-3", _ status: OccurrenceStatus,
        start: (Int, Int), end: (Int, Int)
    ) -> OccurrenceRow {
        OccurrenceRow(
            id: id, roadmapKey: roadmap, roadmapTitle: roadmap, activityID: activity, number: nil, direction: "Задача",
            activity: "Мера \(activity)", term: "срок", termFlag: nil,
            start: LocalDate(year: start.0, month: start.1, day: 1), end: LocalDate(year: end.0, month: end.1, day: 28),
            recurrence: nil, isDeadline: false, storedStatus: status, status: status, responsible: nil, result: nil,
            evidence: nil, statusDate: nil, note: nil)
    }

    /// Measure 1 done; 2 overdue in one of two terms; 3 one term done, one to come; 4 cancelled only
    /// (not done); a term of another roadmap is not counted.
    static let terms = [
        term(1, activity: 1, .done, start: (2026, 10), end: (2026, 10)),
        term(2, activity: 2, .done, start: (2026, 9), end: (2026, 9)),
        term(3, activity: 2, .overdue, start: (2026, 10), end: (2026, 10)),
        term(4, activity: 3, .done, start: (2026, 11), end: (2026, 11)),
        term(5, activity: 3, .planned, start: (2027, 2), end: (2027, 2)),
        term(6, activity: 4, .cancelled, start: (2026, 12), end: (2026, 12)),
        term(7, activity: 9, roadmap: "other", .overdue, start: (2026, 10), end: (2026, 10)),
    ]

    @Test func aMeasureIsDoneOverdueOrPlannedByItsTerms() {
        let progress = ProgrammeProgress.of([Self.programme], occurrences: Self.terms)
        #expect(progress == [ProgrammeProgress(programme: Self.programme, done: 1, overdue: 1, planned: 2)])
    }

    @Test func theReportCountsOnlyProgrammesBySchoolAndFactor() throws {
        let quarter = LocalDate(year: 2026, month: 10, day: 1)!...LocalDate(year: 2026, month: 12, day: 31)!
        let report = ProgrammeReportBuilder.build(
            [Self.programme], occurrences: Self.terms, period: quarter, periodText: "2026Q4")
        #expect(report.title == "Мониторинг антирисковых программ за 2026Q4")
        let section = try #require(report.sections.first { $0.title == "По школам и факторам риска" })
        guard case .table(let table) = section.blocks[0] else { throw ProgrammeReportsError.noTable }
        // In Q4: terms 1, 3, 4, 6 (the other roadmap's is left out); all due; done 1 and 4; overdue 3.
        #expect(
            table.rows == [
                [
                    .text("S1"), .text("Школа № 1"), .integer(3), .text(RiskFactor.teacherCompetence.russian),
                    .integer(4), .integer(4), .integer(2), .integer(1),
                ]
            ])
        // The summary is the roadmap report's over the programme's terms only.
        guard case .table(let summary) = report.sections[0].blocks[0] else { throw ProgrammeReportsError.noTable }
        #expect(summary.rows.first == [.text("Сроков в периоде"), .integer(4)])
    }

    enum ProgrammeReportsError: Error { case noTable }
}
