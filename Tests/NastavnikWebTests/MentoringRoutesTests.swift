import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

@Suite struct MentoringRoutesTests {
    @Test func thePairsAndTheMentorsLoadAreTheApps() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let pairs = try await app.mentorships(activeOn: nil)
        #expect(!pairs.isEmpty)
        let load = MentoringReports.load(try await app.mentorships(activeOn: .today()))
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/mentoring")
            #expect(page.status == .ok)
            let first = try #require(pairs.first)
            #expect(page.body.contains("href=\"/staff/\(URLPath.segment(try #require(first.mentorID)))\""))
            #expect(page.body.contains("href=\"/staff/\(URLPath.segment(try #require(first.menteeID)))\""))
            #expect(page.body.contains("Нагрузка наставников"))
            let busiest = try #require(load.rows.first)
            #expect(page.body.contains(">\(busiest[1].display)<"))
            let csv = try await client.request("/mentoring?format=csv")
            #expect(csv.body.contains("Наставник: таб. №"))
            #expect(DiagnosticsRoutesTests.csvRows(csv).count == pairs.count)
            let active = try await client.request("/mentoring?active_on=01.09.2026&format=csv")
            #expect(
                DiagnosticsRoutesTests.csvRows(active).count
                    == (try await app.mentorships(activeOn: LocalDate(year: 2026, month: 9, day: 1)!)).count)
            let xlsx = try await client.request("/mentoring?format=xlsx")
            #expect(try ZIPParts.read(xlsx.bytes)["xl/worksheets/sheet1.xml"]?.contains(first.mentorName) == true)
        }
    }

    @Test func theSuggestionsAreTheAppsAndSaveNothing() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let suggestions = try await app.suggestMentors(asOf: .today())
        let before = try await app.mentorships(activeOn: nil).count
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/mentoring/suggestions")
            #expect(page.status == .ok)
            #expect(page.text.contains("ничего не сохраняет"))
            // No form that writes: the only POST is the header's logout.
            #expect(page.body.components(separatedBy: "method=\"post\"").count - 1 == 1)
            if let first = suggestions.first {
                #expect(page.body.contains("href=\"/staff/\(URLPath.segment(first.mentee.id))\""))
            }
            let csv = try await client.request("/mentoring/suggestions?format=csv")
            #expect(DiagnosticsRoutesTests.csvRows(csv).count == suggestions.count)
            let all = try await client.request("/mentoring/suggestions?all=1&format=csv")
            #expect(
                DiagnosticsRoutesTests.csvRows(all).count
                    == (try await app.suggestMentors(asOf: .today(), all: true)).count)
        }
        #expect(try await app.mentorships(activeOn: nil).count == before)
    }
}
