import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// A school's official statuses with their order, and the classification's proposals accepted
/// one by one (issue 20): errors beside their fields, the role, the token and a stale version.
@Suite struct SchoolActionsTests {
    static let card = "/schools/\(WebSandbox.school)"

    static func statuses(_ sandbox: WebSandbox, _ code: String = WebSandbox.school) async throws -> [SchoolStatus] {
        try await sandbox.app().school(code: code, asOf: WebSandbox.asOf).school.statuses.sorted()
    }

    static func audited(_ sandbox: WebSandbox, command: String) throws -> [AuditEntry] {
        try sandbox.app().database.auditEntries(AuditFilter(table: "school_status"), limit: nil)
            .filter { $0.command == command }
    }

    /// Opens the card and posts its statuses form with `values` over the form's own fields.
    @discardableResult
    static func submit(_ client: WebClient, _ values: [String: String]) async throws -> WebClient.Answer {
        let page = try await client.request(card)
        var fields: [String: String] = [
            "csrf": try #require(page.csrf), "version": try #require(RoadmapMarkTests.hidden("version", in: page.body)),
            "order_number": "45", "order_date": LocalDate.today().russian,
        ]
        fields.merge(values) { $1 }
        return try await client.request(card + "/statuses", method: .post, form: fields.sorted { $0.key < $1.key })
    }

    @Test func aSpecialistSetsTheStatusesByAnOrderUnderTheirName() async throws {
        let sandbox = try await WebSandbox()
        let order = "Приказ № 45 от \(LocalDate.today().russian)"
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request(Self.card)
            #expect(page.body.contains("action=\"\(Self.card)/statuses\""))
            #expect(page.body.contains("name=\"status-lowResults\""))
            let answer = try await Self.submit(
                client, ["status-lowResults": "1", "status-adverseSocial": "1", "order_number": "№ 45"])
            #expect(answer.status == .seeOther, "\(answer.body)")
            #expect(answer.location == Self.card)
            let shown = try await client.request(Self.card)
            #expect(shown.body.contains("Статусы школы \(WebSandbox.school) записаны:"))
            #expect(shown.body.contains("→ НОР, ШНСУ (\(order))."))
            #expect(shown.body.contains("value=\"1\" id=\"f-status-lowResults\" name=\"status-lowResults\" checked>"))
            #expect(shown.body.contains("value=\"1\" id=\"f-status-highRisk\" name=\"status-highRisk\">"))
        }
        #expect(try await Self.statuses(sandbox) == [.lowResults, .adverseSocial])
        let entries = try Self.audited(sandbox, command: "веб: статусы школы \(WebSandbox.school), \(order)")
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { $0.actor == "Тестовый специалист (test-specialist)" })
        #expect(entries.contains { $0.newValues["reason"] == .text(order) })
    }

    @Test func eachBadFieldIsShownBesideItAndNothingIsWritten() async throws {
        let sandbox = try await WebSandbox()
        let before = try await Self.statuses(sandbox)
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        let tomorrow = LocalDate.today().adding(days: 1).russian
        let cases: [(values: [String: String], field: String, message: String)] = [
            (["order_number": " "], "order_number", "Поле «Номер приказа»: укажите номер приказа"),
            (["order_date": "31.02.2026"], "order_date", "Поле «Дата приказа»: «31.02.2026» — не дата"),
            (["order_date": ""], "order_date", "Поле «Дата приказа»: укажите дату"),
            (["order_date": tomorrow], "order_date", "дата \(tomorrow) ещё не наступила"),
            (
                ["status-effective": "1", "status-highRisk": "1"], "status-effective",
                "Статусы противоречат друг другу: «эффективная» и «ЗПР»"
            ),
        ]
        try await sandbox.test(as: .specialist) { client in
            for (values, field, message) in cases {
                let answer = try await Self.submit(client, values.merging(["status-moderateRisk": "1"]) { a, _ in a })
                #expect(answer.status == .unprocessableContent, "\(values)")
                #expect(answer.body.contains("<p class=\"error\" id=\"f-\(field)-error\">"), "\(values)")
                #expect(answer.body.contains(message), "\(values): \(answer.body)")
                #expect(answer.body.components(separatedBy: "<p class=\"error\"").count == 2, "\(values)")
                // The boxes ticked are kept.
                #expect(answer.body.contains("id=\"f-status-moderateRisk\" name=\"status-moderateRisk\" checked>"))
            }
        }
        #expect(try await Self.statuses(sandbox) == before)
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
    }

    @Test func onlyTheSpecialistSeesAndSendsTheFormAndATokenIsNeeded() async throws {
        let sandbox = try await WebSandbox()
        let before = try await Self.statuses(sandbox)
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        try await sandbox.test { client in
            for role in [Role.admin, .methodologist, .viewer, .school] {
                client.clearCookies()
                try await client.logIn(role)
                let page = try await client.request(Self.card)
                #expect(!page.body.contains("Официальные статусы"), "\(role)")
                let csrf = try #require(try await client.request("/roadmap").csrf)
                let answer = try await client.request(
                    Self.card + "/statuses", method: .post,
                    form: [("csrf", csrf), ("version", "0"), ("order_number", "1"), ("order_date", "01.12.2026")])
                #expect(answer.status == .forbidden, "\(role)")
            }
            client.clearCookies()
            try await client.logIn(.specialist)
            let forged = try await client.request(
                Self.card + "/statuses", method: .post,
                form: [("version", "0"), ("order_number", "1"), ("order_date", "01.12.2026")])
            #expect(forged.status == .forbidden)
            let csrf = try #require(try await client.request("/roadmap").csrf)
            let unknown = try await client.request(
                "/schools/NOPE/statuses", method: .post,
                form: [("csrf", csrf), ("version", "0"), ("order_number", "1"), ("order_date", "01.12.2026")])
            #expect(unknown.status == .notFound)
        }
        #expect(try await Self.statuses(sandbox) == before)
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
    }

    @Test func aFormOpenedBeforeAnotherChangeIsRefusedAndNothingIsOverwritten() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request(Self.card)
            let version = try #require(RoadmapMarkTests.hidden("version", in: page.body))
            // Meanwhile the command line (or another user) sets them.
            try await sandbox.app().acting(as: AuditActor(name: "Другой специалист", command: "тест"))
                .setOfficialStatuses(
                    schoolCode: WebSandbox.school, statuses: [.highRisk], orderNumber: "12",
                    orderDate: LocalDate.today())
            let answer = try await client.request(
                Self.card + "/statuses", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("version", version), ("status-effective", "1"),
                    ("order_number", "46"), ("order_date", LocalDate.today().russian),
                ])
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Запись изменена пользователем Другой специалист"))
            #expect(answer.body.contains("value=\"46\""))
        }
        #expect(try await Self.statuses(sandbox) == [.highRisk])
    }

    /// A school whose proposal differs from its official statuses in the demo.
    static func differing(_ sandbox: WebSandbox) async throws -> SchoolClassification {
        try #require(try await sandbox.app().classifySchools(years: nil, save: false).schools.first { $0.differs })
    }

    @Test func aProposalIsAcceptedByItsButtonAndBecomesOfficial() async throws {
        let sandbox = try await WebSandbox()
        let school = try await Self.differing(sandbox)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/classification")
            #expect(page.body.contains("Принять предложения"))
            #expect(page.body.contains("value=\"\(school.code)\""))
            let version = String(try await sandbox.app().schoolStatusVersion(code: school.code))
            let statuses = school.statuses.sorted().map(\.rawValue).joined(separator: ",")
            let answer = try await client.request(
                "/classification/accept", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("version", version), ("code", school.code),
                    ("statuses", statuses), ("years", ""),
                ])
            #expect(answer.status == .seeOther, "\(answer.body)")
            let shown = try await client.request("/classification")
            #expect(shown.body.contains("Предложение принято: школа \(school.code)"))
            #expect(!shown.body.contains("name=\"code\" value=\"\(school.code)\""))
            // Posted again with the old version: refused.
            let again = try await client.request(
                "/classification/accept", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("version", version), ("code", school.code),
                    ("statuses", statuses),
                ])
            #expect(again.status == .conflict)
        }
        #expect(try await Self.statuses(sandbox, school.code) == school.statuses.sorted())
        let entries = try Self.audited(sandbox, command: "веб: принятие предложения классификации \(school.code)")
        #expect(!entries.isEmpty && entries.allSatisfy { $0.actor == "Тестовый специалист (test-specialist)" })
    }

    @Test func aProposalThatChangedSinceItWasShownIsRefused() async throws {
        let sandbox = try await WebSandbox()
        let school = try await Self.differing(sandbox)
        let before = try await Self.statuses(sandbox, school.code)
        let other = SchoolStatus.allCases.first { !school.statuses.contains($0) }!
        try await sandbox.test(as: .specialist) { client in
            let csrf = try #require(try await client.request("/classification").csrf)
            let version = String(try await sandbox.app().schoolStatusVersion(code: school.code))
            let answer = try await client.request(
                "/classification/accept", method: .post,
                form: [
                    ("csrf", csrf), ("version", version), ("code", school.code), ("statuses", other.rawValue),
                ])
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Предложение для школы \(school.code) изменилось"))
            let bad = try await client.request(
                "/classification/accept", method: .post,
                form: [("csrf", csrf), ("version", version), ("code", school.code), ("statuses", "нечто")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("Поле statuses: неизвестный статус «нечто»"))
        }
        try await sandbox.test(as: .viewer) { client in
            let page = try await client.request("/classification")
            #expect(!page.body.contains("Принять предложения"))
        }
        #expect(try await Self.statuses(sandbox, school.code) == before)
    }

    /// The proposal is still the one shown, but another user set the school's statuses since the
    /// page was opened: refused with who did it, the button's form kept, nothing written.
    @Test func aProposalAcceptedFromAPageOpenedBeforeAnotherChangeIsRefused() async throws {
        let sandbox = try await WebSandbox()
        let school = try await Self.differing(sandbox)
        let theirs = try #require(
            [[SchoolStatus.highRisk], [.effective], [.lowResults]].first { $0 != school.statuses.sorted() })
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/classification")
            let fields = try CuratorActionsTests.hiddenFields(action: "/classification/accept", in: page.body)
            let version = String(try await sandbox.app().schoolStatusVersion(code: school.code))
            try await sandbox.app().acting(as: AuditActor(name: "Другой специалист", command: "тест"))
                .setOfficialStatuses(
                    schoolCode: school.code, statuses: theirs, orderNumber: "12", orderDate: LocalDate.today())
            let audited = try sandbox.app().database.auditCount(AuditFilter())
            let statuses = school.statuses.sorted().map(\.rawValue).joined(separator: ",")
            let answer = try await client.request(
                "/classification/accept", method: .post,
                form: [
                    ("csrf", try #require(fields["csrf"])), ("version", version), ("code", school.code),
                    ("statuses", statuses), ("years", ""),
                ])
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Запись изменена пользователем Другой специалист в "), "\(answer.body)")
            #expect(answer.body.contains("; откройте её заново."))
            #expect(answer.body.contains("name=\"code\" value=\"\(school.code)\""))
            #expect(answer.body.contains("name=\"version\" value=\"\(version)\""))
            #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
        }
        #expect(try await Self.statuses(sandbox, school.code) == theirs)
    }
}
