import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

@Suite struct IndicatorRoutesTests {
    @Test func theMunicipalityIndicatorsAreTheCommandsWithTheReportsCharts() async throws {
        let sandbox = try await WebSandbox()
        let indicators = try await sandbox.app().staffIndicators(asOf: WebSandbox.asOf, schoolCode: nil)
        let figures = indicators.figuresTable()
        let bySchool = indicators.table(includeTotal: true)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/indicators?date=22.11.2026")
            #expect(page.status == .ok)
            #expect(page.body.contains("Муниципалитет, на 22.11.2026"))
            #expect(page.tableRows == figures.rows.count + bySchool.rows.count)
            // The first indicator's numerator and denominator, as the App counts them.
            let first = figures.rows[0]
            #expect(
                page.body.contains(
                    "<td class=\"num\">\(first[3].display)</td><td class=\"num\">\(first[4].display)</td>"))
            #expect(page.body.contains("<svg"))
            #expect(page.body.contains("Охват за учебный год"))
            let row = try #require(indicators.lines.first { $0.staff > 0 })
            #expect(page.body.contains("<a href=\"/schools/\(row.code)\">\(row.code)</a>"))
            #expect(!page.body.contains("href=\"/schools/\""))  // the totals' rows link nowhere
        }
    }

    @Test func oneSchoolsIndicatorsHaveNoTotalsAndNoCharts() async throws {
        let sandbox = try await WebSandbox()
        let indicators = try await sandbox.app().staffIndicators(asOf: WebSandbox.asOf, schoolCode: WebSandbox.school)
        try await sandbox.test(as: .viewer) { client in
            let page = try await client.request("/indicators?school=\(WebSandbox.school)&date=2026-11-22")
            #expect(page.status == .ok)
            #expect(page.tableRows == indicators.figuresTable().rows.count + 1)
            #expect(!page.body.contains("<svg"))
            #expect(page.body.contains("<option value=\"\(WebSandbox.school)\" selected>"))
            let csv = try await client.request("/indicators?school=\(WebSandbox.school)&format=csv")
            #expect(csv.body.contains("3.1 Прошли КПК за 3 года"))
            #expect(csv.body.contains("Совокупность (знаменатель)"))
            let xlsx = try await client.request("/indicators?format=xlsx")
            #expect(try xlsx.package(contains: "Совокупность (знаменатель)"))
        }
    }

    /// A year asked: the roadmap's target indicators of that year, as `indicators report` gives them.
    @Test func aYearShowsTheTargetIndicators() async throws {
        let sandbox = try await WebSandbox()
        let lines = try await sandbox.app().indicatorReport(year: 2025)
        try await sandbox.test(as: .viewer) { client in
            let page = try await client.request("/indicators?year=2025")
            #expect(page.status == .ok)
            #expect(page.body.contains("Целевые показатели за 2025 год"))
            let municipal = try #require(lines.first { $0.indicator.code == "1.2" && $0.schoolCode == nil })
            let actual = try #require(municipal.actual)
            #expect(page.body.contains(Cell.percent(actual).display))
            let csv = try await client.request("/indicators?year=2025&format=csv")
            #expect(csv.body.contains("Отклонение (факт − план)"))
            let bad = try await client.request("/indicators?year=20x5")
            #expect(bad.status == .badRequest)
            // The page sets its short words with no-break spaces: the parameter and the value are what it must name.
            #expect(bad.body.contains("Параметр year:") && bad.body.contains("«20x5»"))
        }
    }
}
