import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

/// A school's card shows its anti-risk programmes and development documents, read-only (issue 21).
@Suite struct SchoolProgrammesTests {
    @Test func theCardListsTheSchoolsProgrammesAndDocuments() async throws {
        let sandbox = try await WebSandbox()
        let page = try await sandbox.app().schoolPage(code: WebSandbox.school, asOf: .today())
        #expect(page.programmes.map(\.programme.key) == ["programme-\(WebSandbox.school)-3"])
        #expect(page.documents.count == 2)
        try await sandbox.test(as: .school) { client in
            let card = try await client.request("/schools/\(WebSandbox.school)")
            #expect(card.status == .ok)
            for heading in ["Антирисковые программы", "Документы развития школы"] {
                #expect(card.body.contains("<h2>\(Typography.russian(heading))</h2>"), "\(heading)")
            }
            #expect(card.body.contains("programme-\(WebSandbox.school)-3"))
            #expect(page.documents[0].kind == .concept && card.body.contains("Концепция развития МБОУ"))
            let csv = try await client.request("/schools/\(WebSandbox.school)?format=csv")
            #expect(
                csv.body.contains("programme-\(WebSandbox.school)-3") && csv.body.contains("Концепция развития МБОУ"))
        }
        // A school without a programme says so.
        let other = try await sandbox.app().schoolPage(code: "SV001", asOf: .today())
        #expect(other.programmes.isEmpty && other.documents.isEmpty)
    }
}
