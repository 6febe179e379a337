import Foundation
import HTTPTypes
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
