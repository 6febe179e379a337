import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// Every page with every role: 200, 303 to the login page, or 403, as `RouteCatalog` says.
@Suite struct RouteAccessTests {
    static let roles: [Role] = [.admin, .specialist, .methodologist, .viewer, .school]

    @Test func aVisitorIsSentToLoginFromEveryPage() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            for (uri, _) in RouteCatalog.pages {
                let answer = try await client.request(uri)
                #expect(answer.status == .seeOther, "\(uri)")
                #expect(answer.location?.hasPrefix("/login") == true, "\(uri)")
            }
        }
    }

    @Test(arguments: roles) func everyPageAnswersEachRoleAsItsAccessSays(role: Role) async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            try await client.logIn(role)
            for (uri, access) in RouteCatalog.pages {
                var answer = try await client.request(uri)
                if answer.status == .seeOther, let next = answer.location, !next.hasPrefix("/login") {
                    answer = try await client.request(next)
                }
                #expect(Int(answer.status.code) == access.status(for: role), "\(role) \(uri): \(answer.status)")
                if answer.status == .forbidden { #expect(answer.body.contains("Доступ запрещён"), "\(uri)") }
                if answer.status == .ok, answer.headers[.contentType]?.hasPrefix("text/html") == true {
                    #expect(answer.body.contains("<html lang=\"ru\">"), "\(uri)")
                    #expect(!answer.body.contains("Шаблон «"), "\(uri)")
                }
            }
        }
    }

    /// Makes the records of `RouteCatalog.detailPages` in `sandbox`: the plans of the `school`
    /// account's school and of another, the seminars of a topic, and two evidence files.
    static func detailRecords(_ sandbox: WebSandbox) async throws -> RouteCatalog.DetailRecords {
        let app = try sandbox.app()
        let year = PlanActionsTests.year
        _ = try await app.generatePlans(year: year, schoolCode: WebSandbox.school, asOf: .today())
        // Another school whose teachers get a plan (not every school's do).
        var other: PlanLine?
        for school in try await app.schools(status: nil) where school.code != WebSandbox.school && other == nil {
            _ = try await app.generatePlans(year: year, schoolCode: school.code, asOf: .today())
            other = try await app.plans(schoolCode: school.code).first
        }
        let own = try #require(try await app.plans(schoolCode: WebSandbox.school).first { !$0.items.isEmpty })
        let otherPlan = try #require(other)
        _ = try await app.createSeminars(
            SeminarRequest(
                topic: SeminarRoutesTests.topic, from: SeminarActionsTests.november.0,
                to: SeminarActionsTests.november.1, capacity: 10), today: WebSandbox.asOf)
        let event = try #require(try await app.events().first)
        try await RoadmapRoutesTests.loadSchoolRoadmap(sandbox)
        let ownTerm = try #require(
            try await app.occurrences(OccurrenceFilter(schoolCode: WebSandbox.school), asOf: .today()).first?.id)
        let municipalTerm = try #require(
            try await app.occurrences(OccurrenceFilter(), asOf: .today()).first { $0.schoolCode == nil }?.id)
        let attachment = EvidenceAttachment(fileName: "акт.pdf", bytes: EvidenceFileTests.pdf)
        return RouteCatalog.DetailRecords(
            ownPlan: own.id, ownItem: own.items[0].id, otherPlan: otherPlan.id, event: event.id,
            ownFile: try await app.attachEvidence(attachment, occurrence: ownTerm, by: "Тест"),
            municipalFile: try await app.attachEvidence(attachment, occurrence: municipalTerm, by: "Тест"))
    }

    @Test func aVisitorIsSentToLoginFromEveryDetailPage() async throws {
        let sandbox = try await WebSandbox()
        let pages = RouteCatalog.detailPages(try await Self.detailRecords(sandbox))
        try await sandbox.test { client in
            for (uri, _) in pages {
                let answer = try await client.request(uri)
                #expect(answer.status == .seeOther, "\(uri)")
                #expect(answer.location?.hasPrefix("/login") == true, "\(uri)")
            }
        }
    }

    /// The pages of one record (a plan, a seminar, an evidence file) as each role opens them.
    @Test(arguments: roles) func everyDetailPageAnswersEachRoleAsItsAccessSays(role: Role) async throws {
        let sandbox = try await WebSandbox()
        let pages = RouteCatalog.detailPages(try await Self.detailRecords(sandbox))
        try await sandbox.test { client in
            try await client.logIn(role)
            for (uri, access) in pages {
                let answer = try await client.request(uri)
                #expect(Int(answer.status.code) == access.status(for: role), "\(role) \(uri): \(answer.status)")
                if answer.status == .forbidden { #expect(answer.body.contains("Доступ запрещён"), "\(uri)") }
                if answer.status == .ok, answer.headers[.contentType]?.hasPrefix("text/html") == true {
                    #expect(answer.body.contains("<html lang=\"ru\">"), "\(uri)")
                    #expect(!answer.body.contains("Шаблон «"), "\(uri)")
                }
            }
        }
    }

    @Test(arguments: roles) func everyFormAnswersEachRoleAsItsAccessSaysAndNeedsTheToken(role: Role) async throws {
        let sandbox = try await WebSandbox()
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        try await sandbox.test { client in
            try await client.logIn(role)
            let csrf = try #require(try await client.request("/roadmap").csrf)
            for (uri, access) in RouteCatalog.forms {
                let without = try await client.request(uri, method: .post, form: [("version", "0")])
                #expect(without.status == .forbidden, "\(role) \(uri) without a token: \(without.status)")
                let empty = try await client.request(uri, method: .post, form: [("csrf", csrf)])
                if access.status(for: role) == 200 {
                    #expect([400, 422].contains(empty.status.code), "\(role) \(uri): \(empty.status)")
                } else {
                    #expect(empty.status == .forbidden, "\(role) \(uri): \(empty.status)")
                }
            }
        }
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
    }
}
