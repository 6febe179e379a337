import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

@Suite struct RoadmapReportBuilderTests {
    let quarter = LocalDate(year: 2023, month: 4, day: 1)!...LocalDate(year: 2023, month: 6, day: 30)!

    func row(
        _ id: Int64, _ start: String?, _ end: String?, _ status: OccurrenceStatus, flag: TermFlag? = nil,
        direction: String? = "Кадры", responsible: String? = nil
    ) -> OccurrenceRow {
        OccurrenceRow(
            id: id, roadmapKey: "rm", roadmapTitle: "Дорожная карта", activityID: id, number: "\(id)",
            direction: direction,
            activity: "Мероприятие \(id)", term: "срок", termFlag: flag,
            start: start.flatMap { LocalDate(parsing: $0) },
            end: end.flatMap { LocalDate(parsing: $0) }, recurrence: nil, isDeadline: false, storedStatus: status,
            status: status, responsible: responsible, result: nil, evidence: nil, statusDate: nil, note: nil)
    }

    func summary(_ report: Report) -> [String: Cell] {
        guard case .table(let t) = report.sections[0].blocks[0] else { return [:] }
        return Dictionary(uniqueKeysWithValues: t.rows.map { ($0[0].display, $0[1]) })
    }

    @Test func summaryCountsThePeriodAndTheNextQuarter() {
        let rows = [
            row(1, "01.04.2023", "30.04.2023", .done), row(2, "01.05.2023", "31.05.2023", .overdue),
            row(3, "01.08.2023", "31.08.2023", .planned), row(4, nil, nil, .planned, flag: .unreadable),
            row(5, nil, nil, .planned, flag: .continuous),
        ]
        let report = RoadmapReportBuilder.build(rows, period: quarter, periodText: "2023Q2")
        #expect(report.title == "Мониторинг дорожной карты за 2023Q2")
        #expect(report.subtitle == "Период 01.04.2023 — 30.06.2023; Дорожная карта")
        let s = summary(report)
        #expect(s["Сроков в периоде"] == .integer(2))
        #expect(s["Выполнено из них"] == .integer(1))
        #expect(s["Доля выполненных в срок"] == .percent(50))
        #expect(s["Просрочено на конец периода (всего)"] == .integer(1))
        #expect(s["Предстоит в следующем квартале"] == .integer(1))
        #expect(s["Мероприятий без дат (постоянно, по графику)"] == .integer(1))
        #expect(s["Мероприятий с нераспознанным сроком"] == .integer(1))
        #expect(report.sections[4].title == "Предстоит в следующем квартале (01.07.2023 — 30.09.2023)")
    }

    @Test func oneResponsibleWrittenTwoWaysIsCountedOnce() {
        let rows = [
            row(1, "01.04.2023", "30.04.2023", .done, responsible: "А.А. Шурыгина"),
            row(2, "01.05.2023", "31.05.2023", .planned, responsible: "Шурыгина А.А."),
        ]
        let report = RoadmapReportBuilder.build(rows, period: quarter, periodText: "2023Q2")
        guard case .table(let t) = report.sections[6].blocks[0] else {
            Issue.record("no table")
            return
        }
        #expect(t.rows == [[.text("А.А. Шурыгина"), .integer(1), .integer(0), .integer(1)]])
    }

    @Test func noRoadmapsIsSaidInTheSubtitle() {
        let report = RoadmapReportBuilder.build([], period: quarter, periodText: "2023Q2")
        #expect(report.subtitle == "Период 01.04.2023 — 30.06.2023; дорожные карты не загружены")
        #expect(summary(report)["Доля выполненных в срок"] == .percent(0))
    }
}
