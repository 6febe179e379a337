import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

@Suite struct DiagnosticsTablesTests {
    static let thresholds: [Competence: Double] = [.subject: 10, .methodological: 20]
    static let campaign = CampaignLine(
        id: 1, date: LocalDate(year: 2026, month: 3, day: 15)!, instrument: "ЦНППМ", participants: 3)

    static func summary() -> DiagnosticsTables.Summary {
        let teachers = [
            ScoredTeacher(
                key: 1, schoolCode: "A", schoolName: "Школа А", scores: [.subject: 12, .methodological: 18],
                deficits: ["ГИА", "мотивация"]),
            ScoredTeacher(
                key: 2, schoolCode: "A", schoolName: "Школа А", scores: [.subject: 8, .methodological: 25],
                deficits: ["Мотивация"]),
            ScoredTeacher(
                key: 3, schoolCode: "B", schoolName: "Школа Б", scores: [.subject: 11, .methodological: 21],
                deficits: ["мотивация"]),
        ]
        return DiagnosticsTables.summary(
            DiagnosticSummary(teachers, thresholds: thresholds, withMunicipality: true), campaign: campaign,
            thresholds: thresholds, latest: false, school: nil)
    }

    @Test func theHeatmapHasASchoolPerRowAndTheCommonestDeficitFirst() throws {
        let charts = Self.summary().charts
        guard case .heatmap(let heatmap) = try #require(charts.first) else {
            Issue.record("the first chart is not the heatmap")
            return
        }
        #expect(heatmap.rows == ["A Школа А", "B Школа Б"])
        #expect(heatmap.columns.count == 2)
        #expect(CellValue.fold(heatmap.columns[0]) == "мотивация")
        // «Мотивация» and «мотивация» are one deficit: both teachers of school A have it.
        #expect(heatmap.values[0] == [100, 50])
        #expect(heatmap.values[1] == [100, 0])
    }

    @Test func theThresholdChartsShowEachSchoolsShareAbove() throws {
        let bars = Self.summary().charts.compactMap { chart -> BarChart? in
            if case .bars(let b) = chart { return b }
            return nil
        }
        #expect(bars.count == 2)
        #expect(bars[0].title.contains("предметные"))
        #expect(bars[0].items.map(\.value) == [50, 100])
        #expect(bars[1].items.map(\.value) == [50, 100])
    }

    @Test func noResultsDrawNoCharts() {
        let summary = DiagnosticsTables.summary(
            DiagnosticSummary([], thresholds: Self.thresholds, withMunicipality: true), campaign: Self.campaign,
            thresholds: Self.thresholds, latest: true, school: nil)
        #expect(summary.charts.isEmpty)
    }

    @Test func theThresholdsTableHasARowPerInstrument() {
        let table = DiagnosticsTables.thresholds([("*", Self.thresholds), ("ЦНППМ", [.subject: 12.5])])
        #expect(table.rows.count == 2)
        #expect(table.rows[0][0].display == "по умолчанию (все инструменты)")
        #expect(table.rows[0][1].display == "выше 10")
        #expect(table.rows[1][1].display == "выше 12,5")
        #expect(table.rows[1][2].display == "не задан")
    }

    @Test func theCampaignsTableListsEachCampaign() {
        let table = DiagnosticsTables.campaigns([Self.campaign])
        #expect(table.rows == [[.integer(1), .date(Self.campaign.date), .text("ЦНППМ"), .integer(3)]])
        #expect(DiagnosticsTables.campaigns([]).emptyMessage.contains("import diagnostics"))
    }
}
