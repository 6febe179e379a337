import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

@Suite struct PlanRoutesTests {
    /// Another school than the school account's, with plans in the demo (SV002 has none).
    static let otherSchool = "SV009"

    /// A sandbox whose plans of 2026/27 are generated as the demo's date.
    static func sandboxWithPlans() async throws -> WebSandbox {
        let sandbox = try await WebSandbox()
        _ = try await sandbox.app().generatePlans(year: "2026/27", asOf: WebSandbox.asOf)
        return sandbox
    }

    /// The plan numbers a page links to (its plans' cards).
    static func planLinks(_ body: String) -> [String] {
        body.matches(of: try! Regex(#"href="/plans/([0-9]+)""#)).compactMap { $0.output[1].substring.map(String.init) }
    }

    @Test func theListShowsTheAppsPlansWithTheirFilters() async throws {
        let sandbox = try await Self.sandboxWithPlans()
        let app = try sandbox.app()
        let plans = try await app.plans(schoolCode: "SV010", year: "2026/27")
        #expect(!plans.isEmpty)
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/plans?school=SV010&year=2026/27")
            #expect(page.status == .ok)
            for plan in plans { #expect(page.body.contains("href=\"/plans/\(plan.id)\""), "\(plan.id)") }
            #expect(Self.planLinks(page.body).sorted() == plans.map { String($0.id) }.sorted())
            let first = try #require(plans.first?.staffID)
            #expect(page.body.contains("href=\"/staff/\(first)\""))
            // The printed plans of the same selection.
            #expect(page.body.contains("href=\"/plans/print?school=SV010&amp;year=2026%2F27&amp;format=docx\""))
            let csv = try await client.request("/plans?school=SV010&year=2026/27&format=csv")
            #expect(csv.body.contains("№ плана;Табельный номер;ФИО"))
            #expect(DiagnosticsRoutesTests.csvRows(csv).count == plans.count)
            let all = try await client.request("/plans?format=csv")
            #expect(DiagnosticsRoutesTests.csvRows(all).count == (try await app.plans()).count)
        }
    }

    @Test func aPlanShowsItsItemsAndPrints() async throws {
        let sandbox = try await Self.sandboxWithPlans()
        let plan = try #require(try await sandbox.app().plans(schoolCode: "SV010").first { $0.items.count > 1 })
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/plans/\(plan.id)")
            #expect(page.status == .ok)
            #expect(page.body.contains(plan.fullName))
            // The items' table: its header row and one row per item.
            #expect(page.body.components(separatedBy: "<tr>").count - 1 == plan.items.count + 1)
            #expect(page.body.contains("href=\"/plans/\(plan.id)?format=docx\""))
            let docx = try await client.request("/plans/\(plan.id)?format=docx")
            #expect(docx.status == .ok)
            #expect(docx.bytes.starts(with: Array("PK".utf8)))
            #expect(try ZIPParts.read(docx.bytes)["word/document.xml"]?.contains(plan.fullName) == true)
            let html = try await client.request("/plans/\(plan.id)?format=html")
            #expect(html.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(html.body.contains("Индивидуальные планы профессионального развития педагогов"))
            let md = try await client.request("/plans/print?school=SV010&format=md")
            #expect(md.body.contains(plan.fullName))
            #expect(md.headers[.contentDisposition]?.contains(".md") == true)
        }
    }

    @Test func aSchoolAccountSeesOnlyItsSchoolsPlans() async throws {
        let sandbox = try await Self.sandboxWithPlans()
        let app = try sandbox.app()
        let own = try await app.plans(schoolCode: WebSandbox.school)
        let other = try #require(try await app.plans(schoolCode: Self.otherSchool).first)
        try await sandbox.test(as: .school) { client in
            let page = try await client.request("/plans")
            #expect(page.status == .ok)
            #expect(Self.planLinks(page.body).sorted() == own.map { String($0.id) }.sorted())
            #expect(!page.body.contains("href=\"/plans/\(other.id)\""))
            let csv = try await client.request("/plans?format=csv")
            #expect(DiagnosticsRoutesTests.csvRows(csv).count == own.count)
            #expect(!csv.body.contains(";\(Self.otherSchool);"))
            #expect(try await client.request("/plans?school=\(Self.otherSchool)").status == .forbidden)
            #expect(try await client.request("/plans/\(other.id)").status == .forbidden)
            #expect(try await client.request("/plans/\(other.id)?format=docx").status == .forbidden)
            #expect(try await client.request("/plans/print?school=\(Self.otherSchool)&format=md").status == .forbidden)
            let printed = try await client.request("/plans/print?format=md")
            #expect(!printed.body.contains(other.fullName))
            #expect(try await client.request("/plans/\(try #require(own.first).id)").status == .ok)
        }
    }

    @Test(arguments: RouteAccessTests.roles) func aPlansPagesAnswerEachRole(role: Role) async throws {
        let sandbox = try await Self.sandboxWithPlans()
        let own = try #require(try await sandbox.app().plans(schoolCode: WebSandbox.school).first)
        let other = try #require(try await sandbox.app().plans(schoolCode: Self.otherSchool).first)
        try await sandbox.test { client in
            try await client.logIn(role)
            for uri in ["/plans/\(own.id)", "/plans/\(own.id)?format=xlsx", "/plans/print?school=SV010&format=html"] {
                #expect(try await client.request(uri).status == .ok, "\(role) \(uri)")
            }
            let status: HTTPResponse.Status = role == .school ? .forbidden : .ok
            #expect(try await client.request("/plans/\(other.id)").status == status, "\(role)")
            #expect(try await client.request("/plans/print?school=\(Self.otherSchool)").status == status, "\(role)")
        }
    }

    @Test func badParametersAndUnknownPlans() async throws {
        let sandbox = try await Self.sandboxWithPlans()
        try await sandbox.test(as: .methodologist) { client in
            try await client.expectBadRequests(
                [
                    ("/plans?year=2026", "Параметр year"), ("/plans?versions=old", "Параметр versions"),
                    ("/plans?school=NOPE", "Параметр school"), ("/plans?format=docx", "Параметр format"),
                    ("/plans/print?format=csv", "Параметр format"), ("/plans/1?format=pdf", "Параметр format"),
                ])
            #expect(try await client.request("/plans/abc").status == .notFound)
            let missing = try await client.request("/plans/999999")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("не найден"))
        }
    }
}
