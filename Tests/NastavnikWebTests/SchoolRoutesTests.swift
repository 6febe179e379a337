import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

@Suite struct SchoolRoutesTests {
    @Test func theListFiltersByStatusAndSearch() async throws {
        let sandbox = try await WebSandbox()
        let lowResults = try await sandbox.app().schools(status: .lowResults).map(\.code)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/schools?status=%D0%9D%D0%9E%D0%A0")
            #expect(page.status == .ok)
            for code in lowResults { #expect(page.body.contains("href=\"/schools/\(code)\"")) }
            #expect(!page.body.contains("href=\"/schools/SV001\""))
            let search = try await client.request("/schools?q=%D0%BE%D0%BB%D1%8C%D1%85%D0%BE%D0%B2")  // «ольхов»
            #expect(search.body.contains("МБОУ «Ольховская ООШ»"))
            #expect(!search.body.contains("href=\"/schools/SV001\""))
            let bad = try await client.request("/schools?status=%D0%BB%D1%83%D1%87%D1%88%D0%B0%D1%8F")  // «лучшая»
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("Параметр status: неизвестный статус «лучшая»"))
            let csv = try await client.request("/schools?status=%D0%9D%D0%9E%D0%A0&format=csv")
            #expect(csv.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == lowResults.count + 1)
        }
    }

    @Test func aSchoolsCardShowsItsBlocks() async throws {
        let sandbox = try await WebSandbox()
        let page = try await sandbox.app().schoolPage(code: WebSandbox.school, asOf: .today())
        try await sandbox.test(as: .school) { client in
            let card = try await client.request("/schools/\(WebSandbox.school)")
            #expect(card.status == .ok)
            #expect(
                card.body.contains("<h1>\(page.detail.school.name.replacingOccurrences(of: "\"", with: "&quot;"))</h1>")
            )
            for heading in [
                "Статус и его история", "Работники по видам должностей", "По педагогическому стажу",
                "Дефициты по темам", "Наставничество",
            ] {
                #expect(card.body.contains("<h2>\(Typography.russian(heading))</h2>"), "\(heading)")
            }
            #expect(card.body.contains("href=\"/schools/SV009\""))  // its curator
            #expect(card.body.contains("href=\"/staff?school=\(WebSandbox.school)\""))
            let file = try await client.request("/schools/\(WebSandbox.school)?format=xlsx")
            #expect(file.bytes.starts(with: Array("PK".utf8)))
        }
    }

    /// The card is kept between requests, and made again when the data changes: a term marked done
    /// leaves the card's list of terms for the schools' heads at once.
    @Test func aKeptCardFollowsAChange() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let page = try await app.schoolPage(code: WebSandbox.school, asOf: .today())
        let term = try #require(page.concerning.first)
        let link = "href=\"/roadmap/occurrences/\(term.id)\""
        try await sandbox.test(as: .specialist) { client in
            let before = try await client.request("/schools/\(WebSandbox.school)")
            #expect(before.body.contains(link))
            #expect(try await client.request("/schools/\(WebSandbox.school)").body == before.body)
            _ = try await app.markOccurrence(
                id: term.id, status: .done, date: .today(), evidence: "Акт № 1", note: nil, by: "тест")
            let after = try await client.request("/schools/\(WebSandbox.school)")
            #expect(after.status == .ok && !after.body.contains(link))
        }
    }
}
