import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

@Suite struct SeminarRoutesTests {
    static let topic = "мотивация обучающихся"
    static let december = (LocalDate(year: 2026, month: 12, day: 1)!, LocalDate(year: 2026, month: 12, day: 31)!)

    /// A sandbox with the seminars of `topic` in December saved (two events in the demo).
    static func sandboxWithSeminars() async throws -> WebSandbox {
        let sandbox = try await WebSandbox()
        _ = try await sandbox.app().createSeminars(
            SeminarRequest(topic: topic, from: december.0, to: december.1), today: WebSandbox.asOf)
        return sandbox
    }

    @Test func theEventsAndAnEventsSheetAreTheApps() async throws {
        let sandbox = try await Self.sandboxWithSeminars()
        let app = try sandbox.app()
        let events = try await app.events()
        let event = try #require(events.first)
        try await sandbox.test(as: .methodologist) { client in
            let list = try await client.request("/seminars")
            #expect(list.status == .ok)
            for e in events { #expect(list.body.contains("href=\"/seminars/\(e.id)\"")) }
            #expect(
                DiagnosticsRoutesTests.csvRows(try await client.request("/seminars?format=csv")).count == events.count)
            let page = try await client.request("/seminars/\(event.id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Лист регистрации участников"))
            let person = try #require(event.participants.first?.staffID)
            #expect(page.body.contains("href=\"/staff/\(URLPath.segment(person))\""))
            if let host = event.hostCode { #expect(page.body.contains("href=\"/schools/\(host)\"")) }
            let sheet = try await client.request("/seminars/\(event.id)?format=csv")
            #expect(sheet.body.contains("Табельный номер"))
            #expect(sheet.body.contains("Присутствовал"))
            #expect(DiagnosticsRoutesTests.csvRows(sheet).count == event.participants.count)
            #expect(page.body.contains("href=\"/seminars/\(event.id)/invitation?format=docx\""))
            let docx = try await client.request("/seminars/\(event.id)/invitation?format=docx")
            #expect(docx.bytes.starts(with: Array("PK".utf8)))
            #expect(try ZIPParts.read(docx.bytes)["word/document.xml"]?.contains("Лист регистрации") == true)
            let html = try await client.request("/seminars/\(event.id)/invitation")
            #expect(html.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(html.body.contains("Лист регистрации"))
            #expect(try await client.request("/seminars/999").status == .notFound)
            #expect(try await client.request("/seminars/abc").status == .notFound)
            #expect(try await client.request("/seminars/999/invitation").status == .notFound)
        }
    }

    @Test(arguments: RouteAccessTests.roles) func anEventsPagesAnswerEachRole(role: Role) async throws {
        let sandbox = try await Self.sandboxWithSeminars()
        let event = try #require(try await sandbox.app().events().first)
        try await sandbox.test { client in
            try await client.logIn(role)
            let status: HTTPResponse.Status = role == .school ? .forbidden : .ok
            for uri in [
                "/seminars/\(event.id)", "/seminars/\(event.id)?format=xlsx",
                "/seminars/\(event.id)/invitation?format=md",
            ] {
                #expect(try await client.request(uri).status == status, "\(role) \(uri)")
            }
        }
    }

    @Test func theCoverageIsTheAppsAgainstBothTargets() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let seminars = try await app.seminarCoverage(period: "2026/27", kind: "семинар")
        let table = SeminarReports.coverage(
            seminars.lines, period: seminars.period, supportedCodes: seminars.supportedCodes, target: seminars.target,
            kind: seminars.kind)
        let supported = try #require(table.rows.last)
        try await sandbox.test(as: .viewer) { client in
            let page = try await client.request("/seminars/coverage?period=2026/27")
            #expect(page.status == .ok)
            #expect(page.body.contains("цель 30 %"))
            #expect(page.body.contains("цель 80 %"))
            #expect(page.body.components(separatedBy: "<svg").count - 1 == 2)
            #expect(page.body.contains(">\(supported[4].display)<"))
            #expect(page.body.contains(">\(supported[1].display)<"))
            // The school year of today by default.
            #expect(try await client.request("/seminars/coverage").body.contains(table.title))
            let one = try await client.request(
                "/seminars/coverage?period=2026/27&kind=%D1%81%D0%B5%D0%BC%D0%B8%D0%BD%D0%B0%D1%80&format=csv")
            #expect(one.body.contains("Охват;Цель;Достигнута"))
            #expect(DiagnosticsRoutesTests.csvRows(one).count == table.rows.count)
        }
    }

    @Test func theProposalIsTheAppsAndSavesNothing() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let request = SeminarRequest(topic: Self.topic, from: Self.december.0, to: Self.december.1)
        let proposal = try await app.planSeminars(request, today: WebSandbox.asOf)
        #expect(!proposal.sessions.isEmpty)
        try await sandbox.test(as: .methodologist) { client in
            let empty = try await client.request("/seminars/plan")
            #expect(empty.status == .ok)
            #expect(empty.body.contains("Укажите тему"))
            let query = "topic=\(WebClient.encode(Self.topic))&from=01.12.2026&to=31.12.2026"
            let page = try await client.request("/seminars/plan?" + query)
            #expect(page.status == .ok)
            #expect(page.text.contains("ничего не сохраняется"))
            let csv = try await client.request("/seminars/plan?" + query + "&format=csv")
            #expect(DiagnosticsRoutesTests.csvRows(csv).count == proposal.sessions.count)
        }
        #expect(try await app.events().isEmpty)
    }
}
