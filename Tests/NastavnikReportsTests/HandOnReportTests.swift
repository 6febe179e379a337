import Foundation
import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

/// The municipal report one can hand on (issue 18): the figures first with their charts, the lists
/// in the appendix, wide tables on landscape pages, nothing cut short, CSV and JSON of its sections.
@Suite struct HandOnReportTests {
    let date = LocalDate(year: 2026, month: 11, day: 22)!

    func tables(_ section: ReportSection) -> [ReportTable] {
        section.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    func charts(_ section: ReportSection) -> [Chart] {
        section.blocks.compactMap { if case .chart(let c) = $0 { c } else { nil } }
    }

    func occurrence(_ roadmap: String, _ activity: String, _ status: String) -> OccurrenceLine {
        OccurrenceLine(
            roadmap: roadmap, number: "1", activity: activity, start: LocalDate(year: 2026, month: 1, day: 1)!,
            end: LocalDate(year: 2026, month: 1, day: 31)!, status: status)
    }

    var data: MunicipalData {
        var staff = SchoolStaffFigures(code: "S1", name: "Школа S1")
        staff.total = 3
        staff.trainingBase = 3
        staff.trained = 2
        staff.earlyCareer = 1
        return MunicipalData(
            schools: [
                SchoolOverview(
                    school: School(code: "S1", name: "Школа S1", statuses: [.lowResults]), staffCount: 3, curators: [])
            ],
            pairings: [], staff: [staff], earlyCareer: [], deficits: [], roadmaps: [("Карта", 2)],
            occurrences: [
                occurrence("Карта", "Совещание", "overdue"), occurrence("Карта", "Семинар", "done"),
                occurrence("Карта", "Совещание", "overdue"),
            ])
    }

    var mentorship: MentorshipLine {
        MentorshipLine(
            id: 1, mentorID: "T-1", mentorName: "Опытная Ольга", mentorSchool: "S1", menteeID: "T-7",
            menteeName: "Молодая Анна Петровна", menteeSchool: "S1", form: "педагог – молодой специалист", start: nil,
            end: nil, goal: nil, consent: nil, meetings: 2)
    }

    @Test func listsOfPeopleGoToTheAppendixOneListASection() throws {
        let report = MunicipalReportBuilder.build(data, asOf: date, mentorships: [mentorship])
        let summaryText = MarkdownRenderer().render(Report(title: report.title, sections: report.sections))
        #expect(!summaryText.contains("Молодая Анна Петровна"))
        #expect(!summaryText.contains("T-7"))
        let early = try #require(report.appendix.first { $0.title.hasPrefix("Молодые специалисты") })
        #expect(tables(early).count == 1)
        #expect(tables(early)[0].columns.map(\.key).contains("full_name"))
        // A title that fits a sheet's name is the section's (31 characters).
        let pairs = try #require(report.appendix.first { $0.title == "Действующие наставнические пары" })
        #expect(tables(pairs)[0].rows.first?.first == .text("Молодая Анна Петровна"))
        // The summary counts what the lists hold.
        let mentoring = try #require(report.sections.first { $0.title == "Наставничество" })
        #expect(
            mentoring.blocks.first
                == .paragraph("Действующих наставнических пар: 1; без согласия наставника (ТК РФ, ст. 351.8): 1."))
        // The workbook: a sheet per section, then one per list.
        let sheets = XLSXWriter.sheets(for: report)
        #expect(sheets.count == report.sections.count + report.appendix.count)
        #expect(sheets.last?.name == report.appendix.last?.title)
        // Every sheet's name is whole: the short names of lists with long titles.
        #expect(
            sheets.allSatisfy {
                $0.name.count <= XLSXWriter.sheetNameLimit || report.sections.map(\.title).contains($0.name)
            })
    }

    @Test func theRoadmapCountsTermsByStatusAndListsTheOverdue() throws {
        let report = MunicipalReportBuilder.build(data, asOf: date)
        let section = report.sections[3]
        #expect(section.title == "Дорожная карта")
        #expect(section.blocks.first == .paragraph("Просрочено на 22.11.2026: 2 срока мероприятий из 3 с датами."))
        let counts = try #require(tables(section).first)
        // Only the statuses some term has: done and overdue.
        #expect(counts.columns.map(\.key) == ["roadmap", "activities", "done", "overdue"])
        #expect(counts.rows == [[.text("Карта"), .integer(2), .integer(1), .integer(2)]])
        guard case .stackedBars(let chart) = try #require(charts(section).first) else {
            Issue.record("no chart of the statuses")
            return
        }
        #expect(chart.series == ["выполнено", "просрочено"])
        #expect(chart.colors == ["#38a169", "#e53e3e"])
        let overdue = try #require(report.appendix.first { $0.title == "Просроченные сроки" })
        #expect(tables(overdue)[0].rows.count == 2)
        #expect(report.appendix.contains { $0.title == "Сроки дорожных карт" && charts($0).count == 1 })
    }

    @Test func theSummarySaysWhichListsItLeftOutAndWhere() {
        let report = MunicipalReportBuilder.build(data, asOf: date, mentorships: [mentorship])
        let summary = report.summary(whereToFind: "Они — в книге.")
        #expect(summary.appendix.isEmpty)
        #expect(summary.sections.count == report.sections.count + 1)
        guard case .note(let note) = summary.sections.last?.blocks.first else {
            Issue.record("no note")
            return
        }
        #expect(note.contains("«Действующие наставнические пары»"))
        #expect(note.hasSuffix("Они — в книге."))
        // A report without lists is its own summary.
        let plain = Report(title: "Т", sections: [])
        #expect(plain.summary(whereToFind: "x") == plain)
    }

    @Test func aWideTableGoesToALandscapePageAndTheAppendixToItsOwn() {
        let wide = ReportTable(
            columns: (1...17).map { Column("c\($0)", "Столбец \($0)") }, rows: [(1...17).map { .integer($0) }])
        let narrow = ReportTable(columns: [Column("a", "А")], rows: [[.text("x")]])
        let report = Report(
            title: "Отчёт", sections: [ReportSection(title: "Раздел", blocks: [.table(narrow)])],
            appendix: [ReportSection(title: "Список", blocks: [.table(wide)])])
        let html = HTMLRenderer().render(report)
        #expect(html.contains("@page landscape { size: A4 landscape;"))
        #expect(html.contains("<h1 class=\"appendix\">Приложение</h1>"))
        // The appendix's list goes whole, its heading too, onto landscape pages.
        #expect(html.contains("<section class=\"landscape\">\n<h2>Список</h2>\n<table class=\"wide\">"))
        #expect(html.components(separatedBy: "class=\"landscape\"").count == 2)
        #expect(HTMLRenderer().table(narrow).hasPrefix("<table>"))
        // A wide table among other blocks: a landscape page of its own.
        #expect(HTMLRenderer().table(wide).hasPrefix("<div class=\"landscape\">\n<table class=\"wide\">"))
        #expect(MarkdownRenderer().render(report).contains("# Приложение\n\n## Список\n\n"))
    }

    @Test func chartsShowEveryLabelWholeInsideTheirBox() throws {
        let long = "работа с обучающимися с особыми образовательными потребностями и ОВЗ"
        let school = "SV006 МАОУ «Гимназия № 1 г. Светлореченска имени героев»"
        let heat = SVGChart.render(
            .heatmap(
                Heatmap(
                    title: "Дефициты", rows: [school], columns: ["мотивация", long], values: [[10, 20]],
                    legend: "%")))
        let bars = SVGChart.render(
            .bars(BarChart(title: "Доля", valueTitle: "Доля", items: [.init(label: school, value: 50)])))
        for svg in [heat, bars] {
            #expect(!svg.contains("…"))
            // The label's words are all drawn (wrapped into lines, not cut).
            for word in school.split(separator: " ") { #expect(svg.contains(Typography.escape(String(word)))) }
        }
        #expect(heat.contains(Typography.escape(long)))
        // The box reaches past the last column's rotated label.
        let box = try #require(heat.range(of: "viewBox=\"0 0 "))
        let width = try #require(Int(heat[box.upperBound...].prefix { $0.isNumber }))
        let labelWidth = Int(SVGChart.textWidth(SVGChart.lines(school, max: 40).map(\.count).max()!)) + 12
        let overhang = Int(SVGChart.textWidth(long.count, fontSize: 11) * cos(55 * Double.pi / 180))
        #expect(width >= labelWidth + 34 + overhang)
        #expect(SVGChart.lines("один два три", max: 7) == ["один", "два три"])
        #expect(SVGChart.lines("сверхдлинноеслово", max: 5) == ["сверхдлинноеслово"])
        #expect(SVGChart.roundedUp(10.5) == 12)
        #expect(SVGChart.roundedUp(262 * 1.05) == 400)
    }

    @Test func csvGivesEachTableUnderItsTitleAndTheFiguresData() {
        let report = Report(
            title: "Отчёт",
            sections: [
                ReportSection(
                    title: "Статусы",
                    blocks: [
                        .paragraph("Текст не попадает в CSV."),
                        .table(
                            ReportTable(
                                columns: [Column("s", "Статус"), Column("n", "Школ")],
                                rows: [[.text("НОР"), .integer(6)]])),
                        .chart(
                            .bars(
                                BarChart(
                                    title: "Школы по статусам", valueTitle: "Школ",
                                    items: [.init(label: "НОР", value: 6)], percent: false))),
                    ])
            ])
        let text = String(decoding: CSVRenderer().render(report, titled: true).dropFirst(3), as: UTF8.self)
        #expect(text == "Статусы\r\nСтатус;Школ\r\nНОР;6\r\n\r\nШколы по статусам\r\nПоказатель;Школ\r\nНОР;6\r\n")
        // Without titles, as the roadmap report and plans export write it: the tables only.
        let plain = String(decoding: CSVRenderer().render(report).dropFirst(3), as: UTF8.self)
        #expect(plain == "Статус;Школ\r\nНОР;6\r\n")
    }

    @Test func jsonHasTheSectionsTablesFiguresAndAppendix() throws {
        let report = MunicipalReportBuilder.build(data, asOf: date, mentorships: [mentorship])
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(JSONRenderer().value(report).serialized().utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Методическая поддержка школ муниципалитета")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.count == report.sections.count)
        let roadmap = try #require(sections.first { $0["title"] as? String == "Дорожная карта" })
        let table = try #require((roadmap["tables"] as? [[String: Any]])?.first)
        #expect(table["title"] as? String == "Сроки мероприятий по статусам")
        #expect((table["rows"] as? [[String: Any]])?.first?["overdue"] as? Int == 2)
        let figure = try #require((roadmap["figures"] as? [[String: Any]])?.first)
        #expect(figure["kind"] as? String == "stacked_bars")
        #expect((roadmap["text"] as? [String])?.first?.hasPrefix("Просрочено на 22.11.2026") == true)
        let appendix = try #require(object["appendix"] as? [[String: Any]])
        #expect(appendix.count == report.appendix.count)
    }
}
