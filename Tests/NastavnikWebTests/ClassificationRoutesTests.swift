import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

@Suite struct ClassificationRoutesTests {
    @Test func theProposalStandsBesideTheOfficialStatusAsTheCommandShowsIt() async throws {
        let sandbox = try await WebSandbox()
        let (rules, schools, rating) = try await sandbox.app().classifySchools(years: nil, save: false)
        let all = SchoolTables.classification(schools, rules: rules, rating: rating, differencesOnly: false)
        let differences = SchoolTables.classification(schools, rules: rules, rating: rating, differencesOnly: true)
        #expect(!all.rows.isEmpty)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/classification")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Классификация школ</h1>"))
            #expect(page.body.contains("Предложенный статус"))
            #expect(page.tableRows == all.rows.count)
            let first = all.rows[0][0].display
            #expect(page.body.contains("<a href=\"/schools/\(URLPath.segment(first))\">\(first)</a>"))
            let only = try await client.request("/classification?differences=1")
            #expect(only.status == .ok)
            #expect(only.tableRows == differences.rows.count)
            #expect(only.body.contains("name=\"differences\" value=\"1\" checked"))
            #expect(only.body.contains("href=\"/classification?differences=1&amp;format=xlsx\""))
        }
    }

    @Test func theDownloadsHoldTheSameTable() async throws {
        try await WebSandbox.loggedIn(as: .viewer) { client in
            let csv = try await client.request("/classification?format=csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.contains("Предложенный статус"))
            let xlsx = try await client.request("/classification?differences=1&format=xlsx")
            #expect(xlsx.status == .ok)
            #expect(try xlsx.package(contains: "Предложенный статус"))
        }
    }
}
