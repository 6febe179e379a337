import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// The admin's forms for accounts (issue 20): add one, change its role, disable and enable it,
/// reset its password — each beside its field on a refusal, under the admin's name in the log.
@Suite struct UserActionsTests {
    static let newPassword = "новый-пароль-2026"

    /// Opens the list and posts the add form with `values` over a good account's fields.
    @discardableResult
    static func add(_ client: WebClient, _ values: [String: String] = [:]) async throws -> WebClient.Answer {
        let page = try await client.request("/admin/users")
        var fields: [String: String] = [
            "csrf": try #require(page.csrf), "login": "ivanova", "name": "Иванова А.А.", "role": "school",
            "school": WebSandbox.school, "password": newPassword, "password2": newPassword,
        ]
        fields.merge(values) { $1 }
        return try await client.request("/admin/users", method: .post, form: fields.sorted { $0.key < $1.key })
    }

    /// Opens account `login`'s page and posts its form at `action` with `values` and the page's version.
    @discardableResult
    static func post(_ client: WebClient, login: String, _ action: String, _ values: [(String, String)]) async throws
        -> WebClient.Answer
    {
        let page = try await client.request("/admin/users/\(login)")
        let version = try #require(RoadmapMarkTests.hidden("version", in: page.body))
        return try await client.request(
            "/admin/users/\(login)/\(action)", method: .post,
            form: [("csrf", try #require(page.csrf)), ("version", version)] + values)
    }

    static func account(_ sandbox: WebSandbox, _ login: String) async throws -> UserAccount? {
        try await sandbox.app().listUsers().first { $0.login == login }
    }

    @Test func theAdminAddsAnAccountAndItsOwnerLogsIn() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .admin) { client in
            let page = try await client.request("/admin/users")
            #expect(page.body.contains("Добавить учётную запись"))
            #expect(page.body.contains("type=\"password\""))
            let answer = try await Self.add(client)
            #expect(answer.status == .seeOther, "\(answer.body)")
            #expect(answer.location == "/admin/users/ivanova")
            let shown = try await client.request("/admin/users/ivanova")
            #expect(
                shown.body.contains(
                    "Учётная запись «ivanova» (Иванова А.А., школа, школа \(WebSandbox.school)) добавлена."))
            let owner = WebClient(client.client)
            let login = try await owner.logIn(login: "ivanova", password: Self.newPassword)
            #expect(login.status == .seeOther)
            #expect(try await owner.request("/schools/\(WebSandbox.school)").status == .ok)
            #expect(try await owner.request("/schools/SV001").status == .forbidden)
        }
        let account = try #require(try await Self.account(sandbox, "ivanova"))
        #expect(
            account.role == .school && account.schoolCode == WebSandbox.school && account.fullName == "Иванова А.А.")
        let entries = try sandbox.app().database.auditEntries(AuditFilter(table: "user"), limit: nil)
            .filter { $0.command == "веб: добавление учётной записи ivanova" }
        #expect(entries.count == 1)
        #expect(entries.first?.actor == "Тестовый администратор (test-admin)")
        #expect(entries.first?.newValues["password_hash"] == .text("***"))
    }

    @Test func eachBadFieldOfANewAccountIsShownBesideItAndNothingIsWritten() async throws {
        let sandbox = try await WebSandbox()
        let before = try await sandbox.app().listUsers().count
        let cases: [(values: [String: String], field: String, message: String)] = [
            (["login": ""], "login", "Укажите логин"),
            (["login": "иван ова"], "login", "Логин «иван ова» не подходит: в нём не может быть пробелов."),
            (["login": WebSandbox.login(.viewer)], "login", "Логин «test-viewer» уже занят."),
            (["name": " "], "name", "Укажите имя владельца учётной записи"),
            (["school": ""], "school", "Для роли «школа» укажите код школы."),
            (["role": "viewer"], "school", "Школа («SV010») указывается только для роли «школа»"),
            (["role": "boss", "school": ""], "role", "Поле «Роль»: неизвестная роль «boss»."),
            (["password": "123", "password2": "123"], "password", "Пароль слишком короткий: 3 симв."),
            (["password2": "другой-пароль-2026"], "password2", "Пароли не совпадают"),
        ]
        try await sandbox.test(as: .admin) { client in
            for (values, field, message) in cases {
                let answer = try await Self.add(client, values)
                #expect(answer.status == .unprocessableContent, "\(values)")
                #expect(answer.body.contains("<p class=\"error\" id=\"f-\(field)-error\">"), "\(values)")
                #expect(answer.body.contains(message), "\(values): \(answer.body)")
                #expect(answer.body.components(separatedBy: "<p class=\"error\"").count == 2, "\(values)")
                // The name is kept; a password never comes back.
                if values["name"] == nil { #expect(answer.body.contains("value=\"Иванова А.А.\""), "\(values)") }
                #expect(!answer.body.contains(Self.newPassword), "\(values)")
            }
        }
        #expect(try await sandbox.app().listUsers().count == before)
    }

    @Test func theAdminChangesARoleAndTheAccountsSessionsEnd() async throws {
        let sandbox = try await WebSandbox()
        let login = WebSandbox.login(.viewer)
        try await sandbox.test(as: .admin) { client in
            let viewer = WebClient(client.client)
            try await viewer.logIn(.viewer)
            #expect(try await viewer.request("/roadmap").status == .ok)
            let refused = try await Self.post(client, login: login, "role", [("role", "school"), ("school", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.body.contains("<p class=\"error\" id=\"f-school-error\">Для роли «школа» укажите код школы."))
            let answer = try await Self.post(client, login: login, "role", [("role", "specialist"), ("school", "")])
            #expect(answer.status == .seeOther)
            #expect(try await client.request("/admin/users/\(login)").body.contains("роль «специалист»"))
            // The viewer's session has ended: the next page asks to log in.
            #expect(try await viewer.request("/roadmap").status == .seeOther)
        }
        #expect(try await Self.account(sandbox, login)?.role == .specialist)
        let entries = try sandbox.app().database.auditEntries(AuditFilter(table: "user"), limit: nil)
            .filter { $0.command == "веб: роль учётной записи \(login)" }
        #expect(entries.count == 1 && entries.first?.actor == "Тестовый администратор (test-admin)")
    }

    @Test func theAdminDisablesAndEnablesAnAccountButNotTheirOwn() async throws {
        let sandbox = try await WebSandbox()
        let login = WebSandbox.login(.methodologist)
        try await sandbox.test(as: .admin) { client in
            let answer = try await Self.post(client, login: login, "access", [("disabled", "1")])
            #expect(answer.status == .seeOther)
            let page = try await client.request("/admin/users/\(login)")
            #expect(page.body.contains("Учётная запись «\(login)» отключена"))
            #expect(page.body.contains("Включить учётную запись"))
            let other = WebClient(client.client)
            #expect(try await other.logIn(.methodologist).status != .seeOther)
            #expect(try await Self.post(client, login: login, "access", [("disabled", "0")]).status == .seeOther)
            #expect(try await other.logIn(.methodologist).status == .seeOther)
            // Their own: the account's page again, the refusal above the button, nothing written.
            let audited = try sandbox.app().database.auditCount(AuditFilter())
            let admin = WebSandbox.login(.admin)
            let version = try #require(
                RoadmapMarkTests.hidden("version", in: try await client.request("/admin/users/\(admin)").body))
            let own = try await Self.post(client, login: admin, "access", [("disabled", "1")])
            #expect(own.status == .unprocessableContent)
            #expect(own.body.contains("<title>Учётная запись «\(admin)»"), "\(own.body)")
            #expect(own.body.contains("id=\"form-error\""))
            #expect(own.text.contains("Свою учётную запись отключить нельзя: войдите под другим администратором."))
            #expect(own.body.contains("action=\"/admin/users/\(admin)/access\""))
            #expect(own.body.contains("name=\"version\" value=\"\(version)\""))
            #expect(own.body.contains("Отключить учётную запись"))
            #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
            let bad = try await Self.post(client, login: login, "access", [("disabled", "да")])
            #expect(bad.status == .badRequest)
        }
        #expect(try await Self.account(sandbox, login)?.disabled == false)
        #expect(try await Self.account(sandbox, WebSandbox.login(.admin))?.disabled == false)
    }

    @Test func theAdminResetsAPasswordAndTheOldOneNoLongerWorks() async throws {
        let sandbox = try await WebSandbox()
        let login = WebSandbox.login(.specialist)
        try await sandbox.test(as: .admin) { client in
            let short = try await Self.post(client, login: login, "password", [("password", "1"), ("password2", "1")])
            #expect(short.status == .unprocessableContent)
            #expect(short.body.contains("<p class=\"error\" id=\"f-password-error\">Пароль слишком короткий"))
            let differ = try await Self.post(
                client, login: login, "password", [("password", Self.newPassword), ("password2", "иной-пароль-1")])
            #expect(differ.status == .unprocessableContent)
            #expect(differ.body.contains("id=\"f-password2-error\""))
            let answer = try await Self.post(
                client, login: login, "password", [("password", Self.newPassword), ("password2", Self.newPassword)])
            #expect(answer.status == .seeOther)
            let owner = WebClient(client.client)
            #expect(try await owner.logIn(.specialist).status != .seeOther)
            #expect(try await owner.logIn(login: login, password: Self.newPassword).status == .seeOther)
        }
    }

    @Test func aFormOpenedBeforeAnotherAdminsChangeIsRefused() async throws {
        let sandbox = try await WebSandbox()
        let login = WebSandbox.login(.viewer)
        try await sandbox.test(as: .admin) { client in
            let page = try await client.request("/admin/users/\(login)")
            let version = try #require(RoadmapMarkTests.hidden("version", in: page.body))
            try await sandbox.app().acting(as: AuditActor(name: "Второй администратор", command: "тест"))
                .setUserRole(login: login, role: .methodologist, schoolCode: nil)
            for (action, values) in [
                ("role", [("role", "specialist"), ("school", "")]), ("access", [("disabled", "1")]),
                ("password", [("password", Self.newPassword), ("password2", Self.newPassword)]),
            ] {
                let answer = try await client.request(
                    "/admin/users/\(login)/\(action)", method: .post,
                    form: [("csrf", try #require(page.csrf)), ("version", version)] + values)
                #expect(answer.status == .conflict, "\(action)")
                #expect(answer.body.contains("Запись изменена пользователем Второй администратор"), "\(action)")
            }
        }
        let account = try #require(try await Self.account(sandbox, login))
        #expect(account.role == .methodologist && !account.disabled)
    }

    @Test func otherRolesAndFormsWithoutATokenChangeNothing() async throws {
        let sandbox = try await WebSandbox()
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            #expect(try await client.request("/admin/users/test-viewer").status == .forbidden)
            let csrf = try #require(try await client.request("/roadmap").csrf)
            let answer = try await client.request(
                "/admin/users", method: .post,
                form: [
                    ("csrf", csrf), ("login", "x"), ("name", "X"), ("role", "admin"), ("password", Self.newPassword),
                    ("password2", Self.newPassword),
                ])
            #expect(answer.status == .forbidden)
            client.clearCookies()
            try await client.logIn(.admin)
            let forged = try await client.request(
                "/admin/users/test-viewer/role", method: .post, form: [("version", "0"), ("role", "admin")])
            #expect(forged.status == .forbidden)
            #expect(try await client.request("/admin/users/nobody").status == .notFound)
        }
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
        #expect(try await Self.account(sandbox, "x") == nil)
    }

    @Test func theAuditLogFiltersByActionBesideTableWhoDatesAndText() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        try await app.acting(as: AuditActor(name: "Администратор", command: "тест")).setUserDisabled(
            login: WebSandbox.login(.viewer), true)
        let updates = try await app.auditCount(AuditFilter(table: "user", action: .update))
        #expect(updates >= 1)
        #expect(try await app.auditCount(AuditFilter(table: "user", action: .delete)) == 0)
        try await sandbox.test(as: .admin) { client in
            let page = try await client.request("/audit?table=user&action=update")
            #expect(page.status == .ok)
            #expect(page.tableRows == updates)
            #expect(page.body.contains("<option value=\"update\" selected>изменение</option>"))
            let russian = try await client.request("/audit?table=user&action=изменение")
            #expect(russian.tableRows == updates)
            let csv = try await client.request("/audit?table=user&action=update&format=csv")
            #expect(csv.body.split(whereSeparator: \.isNewline).count == updates + 1)
            let bad = try await client.request("/audit?action=правка")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("Параметр action: неизвестное действие «правка»"))
        }
    }
}
