import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// Marking a roadmap term through its form (issue 20): the CSRF token, the role, the school, the
/// errors beside their fields, a stale version, and the audit log under the user's name.
@Suite struct RoadmapMarkTests {
    /// A term of another school than the school account's (the demo's municipal roadmaps).
    static func anyTerm(_ sandbox: WebSandbox) async throws -> Int64 {
        let rows = try await sandbox.app().occurrences(OccurrenceFilter(), asOf: .today())
        return try #require(rows.first { $0.schoolCode != WebSandbox.school }?.id)
    }

    /// The value of the hidden field `name` in a page.
    static func hidden(_ name: String, in body: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = body[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Opens the term's page and posts its form with `values` over the form's own fields.
    @discardableResult
    static func submit(_ client: WebClient, term: Int64, _ values: [String: String] = [:]) async throws
        -> WebClient.Answer
    {
        let page = try await client.request("/roadmap/occurrences/\(term)")
        var fields: [String: String] = [
            "csrf": try #require(page.csrf), "version": try #require(hidden("version", in: page.body)),
            "status": "выполнено", "date": LocalDate.today().russian, "evidence": "Приказ № 7 от 01.12.2026",
            "note": "",
        ]
        fields.merge(values) { $1 }
        return try await client.request(
            "/roadmap/occurrences/\(term)/status", method: .post, form: fields.sorted { $0.key < $1.key })
    }

    static func historyCount(_ sandbox: WebSandbox, _ term: Int64) async throws -> Int {
        try await sandbox.app().occurrenceHistory(id: term).count
    }

    /// The audit log's entries of the status history made with `command`.
    static func audited(_ sandbox: WebSandbox, command: String) throws -> [AuditEntry] {
        try sandbox.app().database.auditEntries(AuditFilter(table: "occurrence_status_change"), limit: nil)
            .filter { $0.command == command }
    }

    @Test func aSpecialistMarksATermUnderTheirOwnNameAndSeesItConfirmedOnce() async throws {
        let sandbox = try await WebSandbox()
        let term = try await Self.anyTerm(sandbox)
        let evidence = "Приказ № 7 <script>alert(1)</script>"
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/roadmap/occurrences/\(term)")
            #expect(page.body.contains("action=\"/roadmap/occurrences/\(term)/status\""))
            #expect(page.body.contains("Отметить выполнение"))
            let answer = try await Self.submit(client, term: term, ["evidence": evidence, "note": "в срок"])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/roadmap/occurrences/\(term)")
            let shown = try await client.request("/roadmap/occurrences/\(term)")
            #expect(shown.body.contains("class=\"confirmation\""))
            #expect(shown.body.contains("Сохранено: срок № \(term)"))
            #expect(shown.body.contains("Тестовый специалист"))
            #expect(shown.body.contains("Приказ № 7 &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!shown.body.contains("<script>alert"))
            // Once: the next visit has no confirmation.
            #expect(!(try await client.request("/roadmap/occurrences/\(term)").body.contains("Сохранено:")))
        }
        let history = try await sandbox.app().occurrenceHistory(id: term)
        #expect(history.last?.by == "Тестовый специалист" && history.last?.evidence == evidence)
        let entries = try Self.audited(sandbox, command: "веб: отметка срока \(term)")
        #expect(entries.count == 1)
        #expect(entries.first?.actor == "Тестовый специалист (test-specialist)")
        let all = try sandbox.app().database.auditEntries(AuditFilter(), limit: nil)
        #expect(!all.contains { $0.actor == "веб-интерфейс" })
    }

    @Test func aFlashCookieNotSignedForTheSessionShowsNothing() async throws {
        let sandbox = try await WebSandbox()
        let term = try await Self.anyTerm(sandbox)
        try await sandbox.test(as: .specialist) { client in
            let forged = Data("Сохранено: всё удалено".utf8).base64URL + ".AAAA"
            client.setCookie(FlashMessage.cookie, forged)
            let page = try await client.request("/roadmap/occurrences/\(term)")
            #expect(page.status == .ok)
            #expect(!page.body.contains("всё удалено"))
            #expect(page.headers[values: .setCookie].contains { $0.hasPrefix("\(FlashMessage.cookie)=;") })
        }
    }

    @Test func eachBadFieldIsShownBesideItWithTheValuesKeptAndNothingWritten() async throws {
        let sandbox = try await WebSandbox()
        let term = try await Self.anyTerm(sandbox)
        let before = try await Self.historyCount(sandbox, term)
        let tomorrow = LocalDate.today().adding(days: 1).russian
        let cases: [(values: [String: String], field: String, message: String)] = [
            (["date": "31.02.2026"], "date", "Поле «Дата»: «31.02.2026» — не дата; укажите ДД.ММ.ГГГГ"),
            (["date": tomorrow], "date", "Дата отметки \(tomorrow) ещё не наступила"),
            (["status": "просрочено"], "status", "Поле «Статус»: Неизвестный статус «просрочено»"),
            (["status": "сделано наполовину"], "status", "Неизвестный статус «сделано наполовину»"),
            (["evidence": ""], "evidence", "Для отметки «выполнено» укажите документ-основание"),
        ]
        try await sandbox.test(as: .specialist) { client in
            for (values, field, message) in cases {
                let answer = try await Self.submit(
                    client, term: term, values.merging(["note": "заметка <b>"]) { a, _ in a })
                #expect(answer.status == .unprocessableContent, "\(values)")
                #expect(answer.body.contains("<p class=\"error\" id=\"f-\(field)-error\">"), "\(values)")
                #expect(answer.body.contains("aria-describedby=\"f-\(field)-error"), "\(values)")
                #expect(answer.body.contains(message), "\(values): \(answer.body)")
                // The values typed are kept (escaped).
                #expect(answer.body.contains(">заметка &lt;b&gt;</textarea>"), "\(values)")
                if let date = values["date"] { #expect(answer.body.contains("value=\"\(date)\""), "\(values)") }
                // Only the field concerned has an error.
                #expect(answer.body.components(separatedBy: "<p class=\"error\"").count == 2, "\(values)")
            }
        }
        #expect(try await Self.historyCount(sandbox, term) == before)
    }

    @Test func onlyTheRolesThatMayMarkSeeTheFormAndPostIt() async throws {
        let sandbox = try await WebSandbox()
        let term = try await Self.anyTerm(sandbox)
        let expected: [(Role, HTTPResponse.Status)] = [
            (.methodologist, .forbidden), (.viewer, .forbidden), (.school, .forbidden), (.admin, .seeOther),
            (.specialist, .seeOther),
        ]
        try await sandbox.test { client in
            // A visitor is sent to log in.
            let visitor = try await client.request(
                "/roadmap/occurrences/\(term)/status", method: .post, form: [("status", "выполнено")])
            #expect(visitor.status == .seeOther)
            #expect(visitor.location == "/login?next=%2Froadmap%2Foccurrences%2F\(term)")
            for (role, status) in expected {
                client.clearCookies()
                try await client.logIn(role)
                let before = try await Self.historyCount(sandbox, term)
                // The token of the session's own logout form: a valid one.
                let csrf = try #require(try await client.request("/roadmap").csrf)
                let version = try await sandbox.app().occurrenceVersion(id: term)
                let page = try await client.request("/roadmap/occurrences/\(term)")
                #expect(page.body.contains("Отметить выполнение") == (status == .seeOther), "\(role)")
                let answer = try await client.request(
                    "/roadmap/occurrences/\(term)/status", method: .post,
                    form: [
                        ("csrf", csrf), ("version", String(version)), ("status", "выполняется"),
                        ("date", LocalDate.today().russian), ("evidence", ""), ("note", ""),
                    ])
                #expect(answer.status == status, "\(role)")
                let after = try await Self.historyCount(sandbox, term)
                #expect(after == before + (status == .seeOther ? 1 : 0), "\(role)")
            }
        }
    }

    @Test func aSchoolAccountMarksItsOwnSchoolsTermOnly() async throws {
        let sandbox = try await WebSandbox()
        try await RoadmapRoutesTests.loadSchoolRoadmap(sandbox)
        let own = try #require(
            try await sandbox.app().occurrences(OccurrenceFilter(schoolCode: WebSandbox.school), asOf: .today()).first?
                .id)
        let other = try await Self.anyTerm(sandbox)
        try await sandbox.test(as: .school) { client in
            let answer = try await Self.submit(client, term: own)
            #expect(answer.status == .seeOther)
            #expect(
                try await Self.audited(sandbox, command: "веб: отметка срока \(own)").first?.actor
                    == "Тестовый школа (test-school)")
            let csrf = try #require(try await client.request("/roadmap").csrf)
            let refused = try await client.request(
                "/roadmap/occurrences/\(other)/status", method: .post,
                form: [
                    ("csrf", csrf), ("version", "0"), ("status", "выполняется"), ("date", LocalDate.today().russian),
                ])
            #expect(refused.status == .forbidden)
        }
        #expect(try await Self.historyCount(sandbox, other) == 0)
    }

    @Test func aFormWithoutOrWithAWrongCSRFTokenChangesNothing() async throws {
        let sandbox = try await WebSandbox()
        let term = try await Self.anyTerm(sandbox)
        let before = try await Self.historyCount(sandbox, term)
        let auditBefore = try sandbox.app().database.auditCount(AuditFilter())
        try await sandbox.test(as: .specialist) { client in
            for token in [nil, "", "поддельный-ключ", CSRFToken.token(forSession: "чужая-сессия")] as [String?] {
                var form = [("version", "0"), ("status", "выполняется"), ("date", LocalDate.today().russian)]
                if let token { form.append(("csrf", token)) }
                let answer = try await client.request("/roadmap/occurrences/\(term)/status", method: .post, form: form)
                #expect(answer.status == .forbidden, "\(token ?? "nil")")
                #expect(answer.body.contains("Форма устарела"))
            }
        }
        #expect(try await Self.historyCount(sandbox, term) == before)
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == auditBefore)
    }

    @Test func aFormOpenedBeforeAnotherUsersSaveIsRefusedNamingThem() async throws {
        let sandbox = try await WebSandbox()
        let term = try await Self.anyTerm(sandbox)
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            let admin = WebClient(client.client)
            try await admin.logIn(.admin)
            // The specialist opens the form; the admin saves first.
            let page = try await client.request("/roadmap/occurrences/\(term)")
            let version = try #require(Self.hidden("version", in: page.body))
            #expect(try await Self.submit(admin, term: term, ["evidence": "Акт администратора"]).status == .seeOther)
            let answer = try await client.request(
                "/roadmap/occurrences/\(term)/status", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("version", version), ("status", "отменено"),
                    ("date", LocalDate.today().russian), ("evidence", "Акт специалиста"), ("note", "моё"),
                ])
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Запись изменена пользователем Тестовый администратор в "))
            #expect(answer.body.contains("; откройте её заново."))
            #expect(answer.body.contains("value=\"Акт специалиста\""))
            #expect(answer.body.contains("<option value=\"отменено\" selected>"))
            // The admin's line is shown; the specialist's was not written.
            #expect(answer.body.contains("Акт администратора"))
        }
        let history = try await sandbox.app().occurrenceHistory(id: term)
        #expect(history.map(\.by) == ["Тестовый администратор"])
    }

    @Test func aMarkWhileAnImportHoldsTheDatabaseSaysItIsBusyAndKeepsTheForm() async throws {
        let sandbox = try await WebSandbox()
        let term = try await Self.anyTerm(sandbox)
        try await sandbox.test(as: .specialist) { client in
            let answer = try await sandbox.whileAnotherProgramWrites {
                try await Self.submit(client, term: term, ["evidence": "Акт № 5", "note": "после занятий"])
            }
            #expect(answer.status == .serviceUnavailable)
            #expect(answer.body.contains("База данных занята"))
            #expect(answer.body.contains("value=\"Акт № 5\""))
            #expect(answer.body.contains(">после занятий</textarea>"))
        }
        #expect(try await Self.historyCount(sandbox, term) == 0)
    }

    @Test func twoUsersSavingAtOnceAreEachAuditedUnderTheirOwnName() async throws {
        let sandbox = try await WebSandbox()
        let rows = try await sandbox.app().occurrences(OccurrenceFilter(), asOf: .today())
        let terms = rows.filter { $0.schoolCode != WebSandbox.school }.prefix(2).map(\.id)
        try #require(terms.count == 2)
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            let admin = WebClient(client.client)
            try await admin.logIn(.admin)
            async let first: [HTTPResponse.Status] = (0..<3).asyncMap { _ in
                try await Self.submit(client, term: terms[0]).status
            }
            async let second: [HTTPResponse.Status] = (0..<3).asyncMap { _ in
                try await Self.submit(admin, term: terms[1]).status
            }
            #expect(try await first + second == Array(repeating: .seeOther, count: 6))
        }
        let specialist = try Self.audited(sandbox, command: "веб: отметка срока \(terms[0])")
        let admin = try Self.audited(sandbox, command: "веб: отметка срока \(terms[1])")
        #expect(specialist.count == 3 && specialist.allSatisfy { $0.actor == "Тестовый специалист (test-specialist)" })
        #expect(admin.count == 3 && admin.allSatisfy { $0.actor == "Тестовый администратор (test-admin)" })
        #expect(
            try await sandbox.app().occurrenceHistory(id: terms[1]).map(\.by)
                == Array(repeating: "Тестовый администратор", count: 3))
    }
}

extension Range where Bound == Int {
    /// `transform` of each number in turn.
    func asyncMap<T>(_ transform: (Int) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for index in self { results.append(try await transform(index)) }
        return results
    }
}
