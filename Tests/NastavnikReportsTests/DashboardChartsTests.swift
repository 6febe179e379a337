import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

/// The dashboard's charts and tables, on a dashboard of plain values.
@Suite struct DashboardChartsTests {
    let dashboard: Dashboard = {
        let asOf = LocalDate(year: 2026, month: 11, day: 22)!
        let term = OccurrenceRow(
            id: 7, roadmapKey: "rm", roadmapTitle: "Дорожная карта", activityID: 3, number: "1.2", direction: nil,
            activity: "Семинар", term: "до 1 ноября", termFlag: nil, start: nil,
            end: LocalDate(year: 2026, month: 11, day: 1), recurrence: nil, isDeadline: true, storedStatus: .planned,
            status: .overdue, responsible: nil, result: nil, evidence: nil, statusDate: nil, note: nil)
        return Dashboard(
            asOf: asOf, schools: DashboardFigure(title: "Школ", count: 4, link: .schools(status: nil)),
            schoolsByStatus: [
                DashboardFigure(
                    title: "НОР — школа с низкими результатами", count: 2, link: .schools(status: .lowResults)),
                DashboardFigure(title: "Без статуса", count: 2, link: .schoolsWithoutStatus),
            ],
            trained: DashboardFigure(title: "Прошли КПК за 3 года", count: 60, total: 100, link: .staff()),
            overdue: DashboardFigure(title: "Просрочили КПК", count: 30, total: 100, link: .staff(overdue: true)),
            overdueBySchool: [
                DashboardFigure(title: "A Школа А", count: 20, total: 50, link: .staff(schoolCode: "A", overdue: true))
            ], trainedBySchool: [25],
            diagnosed: DashboardFigure(title: "Прошли диагностику", count: 40, total: 100, link: .diagnostics()),
            thresholdShares: [
                DashboardFigure(
                    title: "3.2: предметные компетенции выше 10", count: 10, total: 50, link: .diagnostics())
            ],
            diagnosedAbove: [
                DashboardFigure(title: "Предметные компетенции выше 10", count: 20, total: 40, link: .diagnostics())
            ],
            topDeficits: [
                DashboardFigure(
                    title: "формирующее оценивание", count: 12, total: 40,
                    link: .staff(deficit: "формирующее оценивание"))
            ],
            overdueTerms: DashboardFigure(title: "Просрочено мероприятий", count: 1, link: .roadmap(overdue: true)),
            firstOverdue: [term],
            dueSoon: DashboardFigure(title: "Срок в ближайшие 30 дн.", count: 0, link: .roadmap(dueWithinDays: 30)),
            nextTerms: [],
            coverage: [
                DashboardFigure(
                    title: "мастер-классы", count: 35, total: 100, target: 30,
                    link: .seminars(target: .methodicalSupport)),
                DashboardFigure(
                    title: "методические объединения", count: 50, total: 100, target: 80,
                    link: .seminars(target: .methodAssociations)),
            ], schoolYear: StaffIndicators.schoolYear(containing: asOf))
    }()

    @Test func figuresShareAndTarget() {
        #expect(dashboard.coverage.map(\.share) == [35, 50])
        #expect(dashboard.coverage.map(\.meetsTarget) == [true, false])
        #expect(dashboard.schools.share == nil && dashboard.schools.meetsTarget == nil)
        #expect(DashboardFigure(title: "", count: 0, total: 0, link: .plans()).share == nil)
    }

    @Test func coverageIsDrawnAgainstEachRowsOwnTarget() {
        guard case .bars(let chart) = DashboardCharts.coverage(dashboard) else {
            Issue.record("coverage is not a bar chart")
            return
        }
        #expect(chart.items.map(\.target) == [30, 80])
        #expect(chart.items.map(\.value) == [35, 50])
        #expect(chart.title == "Охват за учебный год 2026/27 и цели 30 % и 80 %")
        let svg = SVGChart.render(.bars(chart))
        #expect(svg.contains("<title>Цель: 30 %</title>") && svg.contains("<title>Цель: 80 %</title>"))
        // 35 % reaches 30 % (blue), 50 % falls short of 80 % (orange).
        #expect(svg.components(separatedBy: "fill=\"#2b6cb0\"").count == 2)
        #expect(svg.components(separatedBy: "fill=\"#dd6b20\"").count == 2)
        let table = Chart.bars(chart).table
        #expect(table.columns.map(\.key) == ["label", "value", "target"])
        #expect(table.rows.map { $0[2] } == [.percent(30), .percent(80)])
    }

    @Test func aChartWithoutOwnTargetsKeepsItsTable() {
        let table = DashboardCharts.schoolsByStatus(dashboard).table
        #expect(table.columns.map(\.key) == ["label", "value"])
        #expect(table.rows.map { $0[0] } == [.text("НОР"), .text("Без статуса")])
        #expect(table.rows.map { $0[1] } == [.number(2, decimals: 1), .number(2, decimals: 1)])
    }

    @Test func trainingSplitsTrainedNotYetDueAndOverdue() {
        guard case .stackedBars(let chart) = DashboardCharts.training(dashboard) else {
            Issue.record("training is not a stacked bar chart")
            return
        }
        #expect(chart.series == ["прошли КПК", "не прошли, срок не наступил", "просрочили"])
        #expect(chart.items.map(\.label) == ["Муниципалитет", "A Школа А"])
        #expect(chart.items.map(\.values) == [[60, 10, 30], [25, 5, 20]])
    }

    @Test func thresholdsAndDeficitsAreShares() {
        guard case .bars(let thresholds) = DashboardCharts.thresholds(dashboard),
            case .bars(let deficits) = DashboardCharts.deficits(dashboard)
        else {
            Issue.record("not bar charts")
            return
        }
        #expect(thresholds.items.map(\.value) == [20, 50])
        #expect(thresholds.items[0].label == "3.2: предметные компетенции выше 10 (от работников школ с НОР)")
        #expect(deficits.items.map(\.value) == [30])
        #expect(DashboardCharts.all(dashboard).map(\.kind) == ["bars", "stacked_bars", "bars", "bars", "bars"])
    }

    @Test func tablesListEveryBlock() {
        let tables = DashboardTables.all(dashboard)
        #expect(tables.count == 9)
        #expect(
            tables[1].rows[0] == [.text("Прошли КПК за 3 года"), .integer(60), .integer(100), .percent(60), .empty])
        #expect(tables[6].rows.map { $0[0] } == [.integer(7)])
        #expect(tables[7].rows.isEmpty && tables[7].emptyMessage == "В ближайшие дни сроков нет.")
        #expect(tables[8].rows[1][4] == .percent(80))
    }
}
