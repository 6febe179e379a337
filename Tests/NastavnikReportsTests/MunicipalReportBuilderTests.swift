import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

@Suite struct MunicipalReportBuilderTests {
    let date = LocalDate(year: 2026, month: 11, day: 22)!

    func school(_ code: String, _ statuses: [SchoolStatus]) -> SchoolOverview {
        SchoolOverview(
            school: School(
                code: code, name: "Школа \(code)", municipality: "Светлореченский округ", statuses: statuses),
            staffCount: 0, curators: [])
    }

    func data(
        schools: [SchoolOverview] = [], pairings: [PairingLine] = [], staff: [SchoolStaffFigures] = [],
        deficits: [DeficitFigures] = []
    ) -> MunicipalData {
        MunicipalData(
            schools: schools, pairings: pairings, staff: staff, earlyCareer: [], deficits: deficits, roadmaps: [],
            occurrences: [])
    }

    func tables(_ section: ReportSection) -> [ReportTable] {
        section.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    @Test func emptyDataGivesEverySectionWithItsReason() {
        let report = MunicipalReportBuilder.build(data(), asOf: date)
        #expect(report.title == "Методическая поддержка школ муниципалитета")
        #expect(report.subtitle == "по состоянию на 22.11.2026")
        #expect(report.sections.count == 8)
        #expect(
            report.sections[0]
                == .empty(
                    "Школы по статусам, кураторы и координаторы",
                    "Школы не загружены: nastavnik import schools ФАЙЛ."))
        // The figures first (issue 18): statuses, training, deficits, the roadmap, indicators and coverage.
        #expect(
            report.sections[3]
                == .empty("Дорожная карта", "Дорожные карты не загружены: nastavnik import roadmap ФАЙЛ."))
        #expect(report.appendix.isEmpty)
    }

    @Test func municipalityCountsStatusesAndNamesSchoolsWithoutCurator() throws {
        let schools = [school("S1", [.lowResults]), school("S2", [.effective]), school("S3", [.highRisk])]
        let pairing = PairingLine(
            schoolCode: "S1", schoolName: "Школа S1", curatorSchoolCode: "S2", curatorSchoolName: "Школа S2",
            curatorName: "Иванова А. А.", coordinator: "Петров", since: nil, orderRef: "№ 5")
        let report = MunicipalReportBuilder.build(data(schools: schools, pairings: [pairing]), asOf: date)
        #expect(report.subtitle == "Светлореченский округ, по состоянию на 22.11.2026")
        let section = report.sections[0]
        let counts = try #require(tables(section).first)
        #expect(
            counts.rows.first { $0.first == .text("НОР — школа с низкими образовательными результатами") }?.last
                == .integer(1))
        #expect(counts.rows.last == [.text("без статуса"), .integer(0)])
        let supported = tables(section)[1]
        #expect(supported.rows.map { $0[0] } == [.text("S1"), .text("S3")])
        #expect(supported.rows[0][3] == .list(["S2 Школа S2"]))
        #expect(section.blocks.last == .note("Без школы-куратора: S3 Школа S3."))
    }

    @Test func oneSchoolReportIsTitledAfterIt() {
        let s = school("S1", [.lowResults])
        let report = MunicipalReportBuilder.build(data(schools: [s]), asOf: date, school: s)
        #expect(report.title == "Отчёт по школе: Школа S1 (S1)")
        #expect(tables(report.sections[0]).first?.rows.first == [.text("Статус"), .list(["НОР"])])
    }

    @Test func trainingTextSaysTheMinimumHoursInForce() throws {
        var f = SchoolStaffFigures(code: "S1", name: "Школа S1")
        f.trainingBase = 4
        f.trained = 3
        let report = MunicipalReportBuilder.build(
            data(schools: [school("S1", [])], staff: [f]), asOf: date, minimumHours: 24)
        guard case .paragraph(let text) = try #require(report.sections[1].blocks.first) else {
            Issue.record("no paragraph")
            return
        }
        #expect(text.contains("курсы от 24 ч"))
        #expect(text.contains("3 из 4"))
        // The per-school table is a list of the appendix (issue 18); the section draws the shares.
        let bySchool = try #require(report.appendix.first { $0.listTitle == "Повышение квалификации по школам" })
        #expect(tables(bySchool).first?.rows.first?.last == .percent(75))
        #expect(tables(report.sections[1]).isEmpty)
    }

    @Test func deficitTopicsGoByCountThenName() throws {
        let d = [
            DeficitFigures(schoolCode: "S1", schoolName: "Школа S1", diagnosed: 2, byTopic: ["Б": 1, "А": 1, "В": 2]),
            DeficitFigures(schoolCode: "S2", schoolName: "Школа S2", diagnosed: 0, byTopic: ["Г": 5]),
        ]
        let section = MunicipalReportBuilder.build(data(deficits: d), asOf: date).sections[2]
        let top = try #require(tables(section).first)
        #expect(top.rows == [[.text("В"), .integer(2)], [.text("А"), .integer(1)], [.text("Б"), .integer(1)]])
    }

    @Test func activityLabelPunctuatesTheNumberOnce() {
        #expect(ActivityLabel.text(number: "1.3", activity: "Совещания") == "1.3. Совещания")
        #expect(ActivityLabel.text(number: "1.3.", activity: "Совещания") == "1.3. Совещания")
        #expect(ActivityLabel.text(number: " ", activity: "Совещания") == "Совещания")
        #expect(ActivityLabel.text(number: nil, activity: "Совещания") == "Совещания")
    }
}
