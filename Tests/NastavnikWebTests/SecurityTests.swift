import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

@Suite struct SecurityTests {
    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            for uri in ["/login", "/", "/static/site.css", "/нет-такой-страницы"] {
                let answer = try await client.request(uri)
                let policy = try #require(answer.headers[.contentSecurityPolicy], "\(uri)")
                #expect(policy.hasPrefix("default-src 'self'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(answer.headers[.xContentTypeOptions] == "nosniff")
                #expect(answer.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
        }
    }

    @Test func anUnknownPageIsARussianNotFoundPageWithoutDetails() async throws {
        try await WebSandbox.loggedIn(as: .specialist) { client in
            let answer = try await client.request("/нет-такой-страницы")
            #expect(answer.status == .notFound)
            #expect(answer.body.contains("Страница не найдена"))
            #expect(answer.body.contains("<html lang=\"ru\">"))
        }
    }

    @Test func noRequestReachesTheFileSystem() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            #expect(try await client.request("/static/site.css").status == .ok)
            #expect(try await client.request("/static/site.js").status == .ok)
            for uri in [
                "/static/../../Package.swift", "/static/%2e%2e%2fPackage.swift", "/static/templates%2Flayout.mustache",
                "/static/login.mustache", "/static/%2Fetc%2Fpasswd",
            ] {
                let answer = try await client.request(uri)
                #expect(answer.status == .notFound, "\(uri)")
                #expect(!answer.body.contains("swift-tools-version"))
                #expect(!answer.body.contains("root:"))
            }
        }
    }

    /// An ordinary form's body is read up to 64 KiB: a larger one is a Russian 413 page and
    /// nothing is written (only the import and evidence uploads take more, streamed to disk).
    @Test func aFormBodyOverItsLimitIs413AndWritesNothing() async throws {
        let sandbox = try await WebSandbox()
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        try await sandbox.test(as: .methodologist) { client in
            let csrf = try #require(try await client.request("/plans").csrf)
            let year = PlanActionRoutes.schoolYear(.today())
            let padding = String(repeating: "я", count: FormBody.limit / 2 + 1024)
            for form in [
                [("csrf", csrf), ("year", year), ("school", WebSandbox.school), ("note", padding)],
                [("note", padding), ("csrf", csrf), ("year", year), ("school", WebSandbox.school)],
            ] {
                let answer = try await client.request("/plans/generate", method: .post, form: form)
                #expect(answer.status == .contentTooLarge)
                #expect(answer.body.contains("<html lang=\"ru\">"))
                #expect(answer.text.contains("Слишком большой запрос"))
                #expect(answer.text.contains("Запрос слишком велик."))
            }
            #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
            #expect(try await sandbox.app().plans().isEmpty)
            // The same form within the limit is taken.
            let taken = try await client.request(
                "/plans/generate", method: .post,
                form: [("csrf", csrf), ("year", year), ("school", WebSandbox.school), ("note", "короткая")])
            #expect(taken.status == .seeOther)
        }
        #expect(try await !sandbox.app().plans().isEmpty)
    }
}
