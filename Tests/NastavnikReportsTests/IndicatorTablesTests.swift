import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

/// The target indicators in the municipal report: the year's table and the dynamics as charts.
@Suite struct IndicatorTablesTests {
    let date = LocalDate(year: 2026, month: 11, day: 22)!
    let fail = TargetIndicator.predefined(code: "1.2")!
    let own = TargetIndicator(code: "М1", name: "Своё", population: "школы")

    func line(
        _ indicator: TargetIndicator, year: Int, school: String? = nil, target: Double?, actual: Double?,
        baseline: Double? = nil
    ) -> IndicatorReportLine {
        IndicatorReportLine(
            indicator: indicator, schoolCode: school, year: year,
            baseline: baseline.map { IndicatorValue(code: indicator.code, year: 2023, value: $0) }, target: target,
            actual: actual, figure: nil, handEntered: actual != nil)
    }

    var summary: IndicatorSummary {
        IndicatorSummary(
            year: 2025,
            lines: [
                line(fail, year: 2025, target: 15, actual: 14, baseline: 20),
                line(fail, year: 2025, school: "S1", target: 10, actual: 12),
                line(own, year: 2025, target: 50, actual: nil),
                line(TargetIndicator.predefined(code: "1.3")!, year: 2025, target: nil, actual: nil),
            ],
            dynamics: [
                2024: [
                    line(fail, year: 2024, target: 16, actual: 18), line(own, year: 2024, target: nil, actual: nil),
                ],
                2025: [line(fail, year: 2025, target: 15, actual: 14), line(own, year: 2025, target: 50, actual: nil)],
            ])
    }

    @Test func theMunicipalReportShowsTheYearAndTheDynamics() throws {
        let report = MunicipalReportBuilder.build(
            MunicipalData(
                schools: [], pairings: [], staff: [], earlyCareer: [], deficits: [], roadmaps: [], occurrences: []),
            asOf: date, targets: summary)
        let section = try #require(report.sections.first { $0.title == "Целевые показатели дорожной карты" })
        let tables = section.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        let table = try #require(tables.first)
        // The municipality's rows with something to show (1.3 has nothing): 1.2 and М1.
        #expect(table.rows.map { $0[0] } == [.text("1.2"), .text("М1")])
        let columns = table.columns.map(\.title)
        let row = table.rows[0]
        #expect(row[columns.firstIndex(of: "Базовое значение")!] == .text("20,0 (2023)"))
        #expect(row[columns.firstIndex(of: "План")!] == .percent(15))
        #expect(row[columns.firstIndex(of: "Факт")!] == .percent(14))
        #expect(row[columns.firstIndex(of: "Отклонение (факт − план)")!] == .number(-1, decimals: 1))
        #expect(row[columns.firstIndex(of: "Достигнут")!] == .bool(true))
        #expect(table.rows[1][columns.firstIndex(of: "Достигнут")!] == .empty)
        #expect(
            section.blocks.contains {
                $0
                    == .paragraph(
                        "Показатели за 2025 год: план достигнут по 1 из 1 показателей с плановым значением. Отклонение — факт минус план, в пунктах."
                    )
            })
        // One chart: 1.2 by year against each year's target (М1 has no actual value).
        let charts = section.blocks.compactMap { if case .chart(.bars(let c)) = $0 { c } else { nil } }
        #expect(charts.count == 1)
        #expect(charts[0].items.map(\.label) == ["2024", "2025"])
        #expect(charts[0].items.map(\.value) == [18, 14] && charts[0].items.map(\.target) == [16, 15])
        // The school rows go to the appendix.
        let appendix = try #require(report.appendix.first { $0.title == "Показатели по школам (план)" })
        #expect(appendix.blocks.count == 1)
    }

    @Test func withoutDataTheSectionSaysSo() {
        let empty = IndicatorSummary(
            year: 2025, lines: [line(own, year: 2025, target: nil, actual: nil)], dynamics: [:])
        #expect(
            empty.section().section
                == .empty(
                    "Целевые показатели дорожной карты",
                    "За 2025 год нет ни данных для расчёта показателей, ни плановых значений."))
    }

    @Test func theJSONHasTheStableKeys() {
        let json = IndicatorTables.json(summary.lines)
        #expect(
            json.serialized().hasPrefix(
                #"[{"code":"1.2","name":"Доля участников ВПР, получивших оценку «2» по русскому языку и математике","population":"#
            ))
        guard case .array(let rows) = json, case .object(let school) = rows[1] else {
            Issue.record("not an array of objects")
            return
        }
        #expect(
            school.map(\.0) == [
                "code", "name", "population", "school_code", "baseline", "target", "actual", "on_track",
            ])
        #expect(school[4].1 == .null && school[7].1 == .bool(false))
    }
}
