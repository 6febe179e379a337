import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

@Suite struct CuratorRoutesTests {
    @Test func thePairsInForceAreTheCommandsList() async throws {
        let sandbox = try await WebSandbox()
        let pairs = try await sandbox.app().curatorPairings()
        #expect(!pairs.isEmpty)
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/curators")
            #expect(page.status == .ok)
            #expect(page.tableRows == pairs.count)
            let pair = try #require(pairs.first { $0.schoolCode == WebSandbox.school })
            #expect(page.body.contains("<a href=\"/schools/\(pair.curatorSchoolCode)\">\(pair.curatorSchoolCode)</a>"))
            #expect(page.body.contains("href=\"/curators/order?format=docx\""))
            #expect(page.body.contains("href=\"/curators/suggestions\""))
            let csv = try await client.request("/curators?format=csv")
            #expect(csv.body.contains("Код куратора"))
            #expect(csv.body.contains(pair.schoolCode))
        }
    }

    @Test func theSuggestionIsTheCommandsWithItsDefaultsAndWritesNothing() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let suggestions = try await app.suggestCurators(years: nil, capacity: 2)
        let before = try await app.auditCount(.init())
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/curators/suggestions")
            #expect(page.status == .ok)
            #expect(page.tableRows == suggestions.count)
            #expect(page.body.contains("Обоснование"))
            let xlsx = try await client.request("/curators/suggestions?format=xlsx")
            #expect(try xlsx.package(contains: "Обоснование"))
            // Issue 20: the years are a field of the form that recomputes the suggestion, their
            // error beside it (422), no longer a 400 page.
            let years = try await client.request("/curators/suggestions?years=abc")
            #expect(years.status == .unprocessableContent)
            #expect(years.text.contains("Поле «Годы результатов»: «abc» — не годы"))
        }
        #expect(try await app.auditCount(.init()) == before)
    }

    @Test func theOrderIsTheCommandsDocumentInEveryFormat() async throws {
        let sandbox = try await WebSandbox()
        let date = LocalDate(year: 2026, month: 12, day: 1)!
        let document = try await sandbox.app().curatorOrder(date: date, number: "17-о")
        try await sandbox.test(as: .viewer) { client in
            let md = try await client.request("/curators/order?format=md&date=01.12.2026&number=17-%D0%BE")
            #expect(md.status == .ok)
            #expect(md.body == DocumentRenderer().markdown(document))
            let html = try await client.request("/curators/order?date=01.12.2026")
            #expect(html.status == .ok)
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.body.contains("школ-кураторов"))
            let docx = try await client.request("/curators/order?format=docx")
            #expect(docx.headers[.contentDisposition]?.contains(".docx") == true)
            #expect(try docx.package(contains: "школ-кураторов"))
            let xlsx = try await client.request("/curators/order?format=xlsx")
            #expect(xlsx.bytes.starts(with: Array("PK".utf8)))
            let bad = try await client.request("/curators/order?date=31.02.2026")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("Параметр date: дата «31.02.2026» не распознана"))
        }
    }
}
