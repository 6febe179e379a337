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
        try await sandbox.test { client in
            try await client.logIn(.specialist)
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
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            try await client.logIn(.viewer)
            let csv = try await client.request("/classification?format=csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.contains("Предложенный статус"))
            let xlsx = try await client.request("/classification?differences=1&format=xlsx")
            #expect(xlsx.status == .ok)
            #expect(try xlsx.package(contains: "Предложенный статус"))
        }
    }

    @Test func aWrongParameterIsNamedInRussian() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            let years = try await client.request("/classification?years=%D0%B2%D1%87%D0%B5%D1%80%D0%B0")
            #expect(years.status == .badRequest)
            #expect(years.body.contains("Параметр years: годы «вчера» не распознаны"))
            let flag = try await client.request("/classification?differences=yes")
            #expect(flag.status == .badRequest)
            #expect(flag.body.contains("Параметр differences"))
            let format = try await client.request("/classification?format=pdf")
            #expect(format.status == .badRequest)
            #expect(format.body.contains("Параметр format: неизвестный формат «pdf»"))
        }
    }
}
