import Foundation
import HTTPTypes
import NastavnikCore
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
}
