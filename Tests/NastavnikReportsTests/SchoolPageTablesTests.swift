import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

/// A school's page as tables and charts, on plain values.
@Suite struct SchoolPageTablesTests {
    let page: SchoolPage = {
        var staff = SchoolStaffFigures(code: "A", name: "Школа А")
        staff.total = 5
        staff.byKind = [.pedagogical: 4, .leading: 1]
        staff.byCategory = [.highest: 2, .first: 1, nil: 2]
        staff.byExperience = [1, 2, 0, 1, 1]
        staff.earlyCareer = 1
        let detail = SchoolDetail(
            school: School(code: "A", name: "Школа А", statuses: [.lowResults]), curatedBy: [], curates: [],
            staffByKind: [.pedagogical: 4, .leading: 1], staffCount: 5, trainedCount: 3, trainedBase: 5)
        let day = { (m: Int) in LocalDate(year: 2026, month: m, day: 1)! }
        return SchoolPage(
            asOf: day(11), detail: detail,
            statusHistory: [
                SchoolStatusChange(
                    timestamp: "2026-03-01T10:00:00.000Z", date: day(3), actor: "Иванова", command: "import schools",
                    added: [.lowResults], removed: [.highRisk], statuses: [.lowResults])
            ], proposedStatuses: [.highRisk], proposedReason: "низкие результаты ВПР", staff: staff,
            deficits: [
                SchoolPage.DeficitColumn(date: day(3), diagnosed: 4, byTopic: ["оценивание": 2, "ИКТ": 1]),
                SchoolPage.DeficitColumn(date: day(10), diagnosed: 2, byTopic: ["ИКТ": 1]),
            ], plans: [], mentorships: [], roadmap: [], concerning: [])
    }()

    @Test func theCardAddsTheBlocksToTheShortCard() {
        let card = SchoolPageTables.card(page)
        #expect(card.fields.map(\.0).suffix(3) == ["status_since", "proposed_statuses", "proposed_reason"])
        #expect(card.fields.first { $0.0 == "status_since" }?.2 == .date(LocalDate(year: 2026, month: 3, day: 1)!))
        #expect(card.fields.first { $0.0 == "proposed_statuses" }?.2 == .list(["ЗПР"]))
        #expect(card.more.count == 9)
    }

    @Test func historyAndStaffTables() {
        let history = SchoolPageTables.statusHistory(page)
        #expect(
            history.rows[0].prefix(4) == [
                .date(LocalDate(year: 2026, month: 3, day: 1)!), .list(["НОР"]), .list(["ЗПР"]), .list(["НОР"]),
            ])
        #expect(
            SchoolPageTables.staffByKind(page).rows.map { $0[1] } == [
                .integer(4), .integer(1), .integer(0), .integer(5),
            ])
        let categories = SchoolPageTables.staffByCategory(page).rows
        #expect(categories.map { $0[0] } == MunicipalReportBuilder.categoryNames.map { .text($0) })
        #expect(categories.map { $0[1] } == [0, 0, 2, 1, 0, 0, 2].map { .integer($0) })
        let experience = SchoolPageTables.staffByExperience(page).rows
        #expect(
            experience.map { $0[0] } == (SchoolStaffFigures.experienceBands + ["молодые специалисты"]).map { .text($0) }
        )
        #expect(experience.map { $0[1] } == [1, 2, 0, 1, 1, 1].map { .integer($0) })
    }

    @Test func deficitsByCampaignLatestCommonestFirst() {
        let table = SchoolPageTables.deficits(page)
        #expect(table.columns.map(\.title) == ["Дефицит", "01.03.2026", "01.10.2026"])
        // «ИКТ» leads: the latest campaign found it, not «оценивание».
        #expect(table.rows.map { $0[0] } == [.text("Прошли диагностику"), .text("ИКТ"), .text("оценивание")])
        #expect(table.rows[2] == [.text("оценивание"), .integer(2), .integer(0)])
        guard case .heatmap(let heatmap) = SchoolPageTables.charts(page)[2] else {
            Issue.record("the third chart is not the heatmap")
            return
        }
        #expect(heatmap.rows == ["ИКТ", "оценивание"])
        #expect(heatmap.values == [[25, 50], [50, 0]])
    }

    @Test func chartsAndEmptyBlocks() {
        let charts = SchoolPageTables.charts(page)
        #expect(charts.map(\.kind) == ["bars", "bars", "heatmap", "bars"])
        guard case .bars(let share) = charts[3] else { return }
        #expect(share.items.map(\.value) == [60] && share.target == 100)
        var empty = page
        empty.deficits = []
        empty.detail.trainedBase = 0
        #expect(SchoolPageTables.charts(empty).count == 2)
        #expect(SchoolPageTables.deficits(empty).emptyMessage.hasPrefix("Диагностика профессиональных дефицитов"))
        #expect(SchoolPageTables.roadmap(empty).rows.isEmpty)
        #expect(
            SchoolPageTables.statusHistory(
                SchoolPage(
                    asOf: page.asOf, detail: page.detail, statusHistory: [], proposedStatuses: [], proposedReason: nil,
                    staff: page.staff, deficits: [], plans: [], mentorships: [], roadmap: [], concerning: [])
            ).rows.isEmpty)
    }
}
