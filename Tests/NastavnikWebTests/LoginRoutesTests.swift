import Foundation
import HTTPTypes
import NastavnikCore
import Testing

@testable import NastavnikWeb

@Suite struct LoginRoutesTests {
    @Test func aVisitorIsSentToTheLoginPageAndBackAfterLoggingIn() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            let first = try await client.request("/schools?status=%D0%9D%D0%9E%D0%A0")
            #expect(first.status == .seeOther)
            #expect(first.location == "/login?next=%2Fschools%3Fstatus%3D%25D0%259D%25D0%259E%25D0%25A0")
            let page = try await client.request(try #require(first.location))
            #expect(page.status == .ok)
            #expect(page.body.contains("<label for=\"login\">Логин</label>"))
            let csrf = try #require(page.csrf)
            let answer = try await client.request(
                "/login", method: .post,
                form: [
                    ("csrf", csrf), ("login", WebSandbox.login(.specialist)), ("password", WebSandbox.password),
                    ("next", "/schools?status=%D0%9D%D0%9E%D0%A0"),
                ])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/schools?status=%D0%9D%D0%9E%D0%A0")
            let cookie = try #require(answer.headers[values: .setCookie].first { $0.hasPrefix("nastavnik_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))  // no TLS in this test
            let list = try await client.request(try #require(answer.location))
            #expect(list.status == .ok)
            #expect(list.body.contains("Тестовый специалист"))
        }
    }

    @Test func aWrongPasswordIsRefusedInRussianAndFiveLockTheLogin() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            let wrong = try await client.logIn(login: WebSandbox.login(.viewer), password: "не тот пароль")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("Неверный логин или пароль."))
            #expect(wrong.body.contains("value=\"test-viewer\""))  // the login is kept in the form
            #expect(client.cookies["nastavnik_session"] == nil)
            for _ in 0..<4 { try await client.logIn(login: WebSandbox.login(.viewer), password: "не тот пароль") }
            let locked = try await client.logIn(.viewer)
            #expect(locked.status == .unauthorized)
            #expect(locked.body.contains("вход заблокирован до"))
            #expect(client.cookies["nastavnik_session"] == nil)
        }
    }

    @Test func aLoginWithoutTheFormsTokenIsRefused() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            let answer = try await client.request(
                "/login", method: .post,
                form: [("login", WebSandbox.login(.admin)), ("password", WebSandbox.password)])
            #expect(answer.status == .forbidden)
            #expect(answer.body.contains("Форма устарела"))
            #expect(client.cookies["nastavnik_session"] == nil)
        }
    }

    @Test func loggingOutNeedsTheTokenAndEndsTheSession() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .admin) { client in
            let home = try await client.request("/")
            #expect(home.status == .ok)
            let token = try #require(home.csrf)
            let forged = try await client.request("/logout", method: .post, form: [("csrf", "подделка")])
            #expect(forged.status == .forbidden)
            #expect(try await client.request("/").status == .ok)
            let session = try #require(client.cookies["nastavnik_session"])
            let out = try await client.request("/logout", method: .post, form: [("csrf", token)])
            #expect(out.status == .seeOther)
            #expect(out.location == "/login")
            #expect(client.cookies["nastavnik_session"] == nil)
            // The old cookie opens nothing any more, even sent again.
            #expect(try await sandbox.app().sessionUser(token: session, now: Date()) == nil)
        }
    }

    @Test func underTLSTheSessionCookieIsSecureAndBrowsersAreToldToKeepToHTTPS() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(secure: true) { client in
            let answer = try await client.logIn(.admin)
            #expect(answer.status == .seeOther)
            let cookie = try #require(answer.headers[values: .setCookie].first { $0.hasPrefix("nastavnik_session=") })
            #expect(cookie.contains("Secure"))
            #expect(cookie.contains("HttpOnly"))
            #expect(answer.headers[.strictTransportSecurity] != nil)
        }
    }

    @Test func aSessionSurvivesARestartOfTheServer() async throws {
        let sandbox = try await WebSandbox()
        let cookie = try await sandbox.test(as: .methodologist) { client in
            return try #require(client.cookies["nastavnik_session"])
        }
        // A new router over the same file: the session is read from the database.
        try await sandbox.test { client in
            client.setCookie("nastavnik_session", cookie)
            let page = try await client.request("/schools")
            #expect(page.status == .ok)
            #expect(page.body.contains("Тестовый методист"))
        }
    }

    @Test func onlyPagesOfThisSiteAreFollowedAfterLogin() {
        #expect(LoginRoutes.safeNext("/staff?q=1") == "/staff?q=1")
        #expect(LoginRoutes.safeNext("//evil.example/") == nil)
        #expect(LoginRoutes.safeNext("https://evil.example/") == nil)
        #expect(LoginRoutes.safeNext("/\\evil.example") == nil)
        #expect(LoginRoutes.safeNext(nil) == nil)
    }
}
