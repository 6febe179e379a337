import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

@Suite struct ReportRoutesTests {
    @Test func thePageLinksEveryFormatOfBothReports() async throws {
        try await WebSandbox.loggedIn(as: .specialist) { client in
            let page = try await client.request("/reports")
            #expect(page.status == .ok)
            for format in ["html", "xlsx", "docx", "md"] {
                #expect(page.body.contains("href=\"/reports/municipality?format=\(format)\""), "\(format)")
            }
            #expect(page.body.contains("href=\"/reports/municipality?full=1&amp;format=docx\""))
            #expect(page.body.contains("action=\"/reports/school\""))
            #expect(page.body.contains("<option value=\"\(WebSandbox.school)\">"))
            #expect(page.body.contains("<a href=\"/reports\" aria-current=\"page\">Отчёты</a>"))
        }
    }

    @Test func theMunicipalReportIsTheCommandsInEveryFormat() async throws {
        let sandbox = try await WebSandbox()
        let report = try await sandbox.app().municipalReport(asOf: WebSandbox.asOf)
        try await sandbox.test(as: .viewer) { client in
            let md = try await client.request("/reports/municipality?format=md&date=22.11.2026")
            #expect(md.status == .ok)
            #expect(md.body == MarkdownRenderer().render(report.summary(whereToFind: ReportRoutes.whereToFind)))
            let full = try await client.request("/reports/municipality?format=md&full=1&date=22.11.2026")
            #expect(full.body == MarkdownRenderer().render(report))
            let html = try await client.request("/reports/municipality")
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.body.contains(report.title))
            #expect(html.body.contains("<svg"))
            let docx = try await client.request("/reports/municipality?format=docx")
            #expect(try docx.package(contains: report.title))
            let xlsx = try await client.request("/reports/municipality?format=xlsx&date=22.11.2026")
            #expect(xlsx.headers[.contentDisposition]?.contains("2026-11-22.xlsx") == true)
            #expect(try xlsx.package(contains: "Показатели по школам"))
        }
    }

    @Test func aSchoolsReportIsItsOwnAccountsAndNoOtherSchools() async throws {
        let sandbox = try await WebSandbox()
        let report = try await sandbox.app().schoolReport(code: WebSandbox.school, asOf: WebSandbox.asOf)
        try await sandbox.test(as: .school) { client in
            let md = try await client.request("/reports/school?code=\(WebSandbox.school)&format=md&date=22.11.2026")
            #expect(md.status == .ok)
            #expect(md.body == MarkdownRenderer().render(report.summary(whereToFind: ReportRoutes.whereToFind)))
            #expect(try await client.request("/reports/school?code=SV002").status == .forbidden)
            #expect(try await client.request("/reports").status == .forbidden)
        }
    }
}
