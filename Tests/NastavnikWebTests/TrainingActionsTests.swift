import Foundation
import GRDB
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// The training forms of a person's card (issue 20): enrol on a course and complete one with
/// its certificate, through the use cases of `training enrol` / `training complete`, under the
/// user's name; the errors beside their fields, the role, the CSRF token and a stale card.
@Suite struct TrainingActionsTests {
    static let person = WebSandbox.person
    static let card = "/staff/\(person)"
    static let enrolAction = "/staff/\(person)/training/enrol"
    static let completeAction = "/staff/\(person)/training/complete"
    static let specialist = "Тестовый специалист (test-specialist)"

    /// A course one may still enrol on (it ends after today, seats left), and one that ended.
    static func courses(_ sandbox: WebSandbox) async throws -> (open: PlanCourse, ended: PlanCourse) {
        let courses = try await sandbox.app().catalogueCourses()
        let today = LocalDate.today()
        let open = try #require(
            courses.first { ($0.start ?? today) > today && ($0.seatsLeft ?? 1) > 0 })
        let ended = try #require(courses.first { ($0.end ?? today) < today && $0.start != nil })
        return (open, ended)
    }

    /// The person's trainings as «code|status|certificate», read from the file.
    static func trainings(_ sandbox: WebSandbox) throws -> [String] {
        try DatabaseQueue(path: sandbox.path).read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT c.code || '|' || t.status || '|' || coalesce(t.certificate, '') FROM training t
                    JOIN staff s ON s.id = t.staff_id JOIN course c ON c.id = t.course_id
                    WHERE s.staff_id = ? ORDER BY t.id
                    """, arguments: [person])
        }
    }

    static func audited(_ sandbox: WebSandbox, command: String) throws -> [AuditEntry] {
        try sandbox.app().database.auditEntries(AuditFilter(table: "training"), limit: nil)
            .filter { $0.command == command }
    }

    static func submit(_ client: WebClient, _ action: String, _ values: [String: String]) async throws
        -> WebClient.Answer
    {
        try await CuratorActionsTests.submit(client, path: card, action: action, values)
    }

    @Test func aSpecialistEnrolsAPersonAndRecordsACompletedCourse() async throws {
        let sandbox = try await WebSandbox()
        let (open, ended) = try await Self.courses(sandbox)
        let openCode = try #require(open.code)
        let endedCode = try #require(ended.code)
        let endDate = try #require(ended.end)
        let before = try Self.trainings(sandbox)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request(Self.card)
            #expect(page.body.contains("action=\"\(Self.enrolAction)\""))
            #expect(page.body.contains("Завершить обучение"))
            let enrolled = try await Self.submit(client, Self.enrolAction, ["course": openCode])
            #expect(enrolled.status == .seeOther)
            #expect(enrolled.location == Self.card)
            let shown = try await client.request(Self.card)
            #expect(shown.body.contains("Сохранено: Абрамова Инна Фёдоровна записан(а) на «\(open.title)»"))
            let completed = try await Self.submit(
                client, Self.completeAction,
                ["course": endedCode, "end": endDate.russian, "certificate": "772400099999"])
            #expect(completed.status == .seeOther)
            let card = try await client.request(Self.card)
            #expect(
                card.body.contains(
                    "Сохранено: Абрамова Инна Фёдоровна — обучение по программе «\(ended.title)» завершено \(endDate.russian), удостоверение № 772400099999."
                ))
            // The card's table shows the certificate.
            #expect(card.body.contains("<td>772400099999</td>") || card.body.contains(">772400099999<"))
        }
        let after = try Self.trainings(sandbox)
        #expect(after.count == before.count + 2)
        #expect(after.contains("\(openCode)|applied|"))
        #expect(after.contains("\(endedCode)|completed|772400099999"))
        #expect(
            try Self.audited(sandbox, command: "веб: запись на КПК \(Self.person)").map(\.actor) == [Self.specialist])
        let completion = try Self.audited(sandbox, command: "веб: завершение КПК \(Self.person)")
        #expect(!completion.isEmpty && completion.allSatisfy { $0.actor == Self.specialist })
    }

    @Test func eachBadFieldIsShownBesideItWithTheValuesKeptAndNothingWritten() async throws {
        let sandbox = try await WebSandbox()
        let (open, ended) = try await Self.courses(sandbox)
        let openCode = try #require(open.code)
        let endedCode = try #require(ended.code)
        let before = try Self.trainings(sandbox)
        let auditBefore = try sandbox.app().database.auditCount(AuditFilter())
        let tomorrow = LocalDate.today().adding(days: 1).russian
        let cases: [(action: String, values: [String: String], field: String, message: String)] = [
            (Self.enrolAction, ["course": ""], "course", "Поле «Программа»: выберите программу."),
            (Self.enrolAction, ["course": "НЕТ-1"], "course", "Поле «Программа»: нет программы с кодом «НЕТ-1»."),
            (Self.enrolAction, ["start": "32.01.2027"], "start", "Поле «Дата начала»: «32.01.2027» — не дата"),
            (Self.enrolAction, ["end": "весной"], "end", "Поле «Дата окончания»: «весной» — не дата"),
            (Self.enrolAction, ["course": endedCode], "course", "уже закончилась"),
            (Self.completeAction, ["end": ""], "end", "Поле «Дата окончания»: укажите дату, ДД.ММ.ГГГГ."),
            (Self.completeAction, ["end": tomorrow], "end", "Дата окончания обучения \(tomorrow) ещё не наступила"),
            (Self.completeAction, ["certificate": ""], "certificate", "Поле «Номер удостоверения»: укажите номер"),
            (Self.completeAction, ["course": ""], "course", "Поле «Программа»: выберите программу."),
        ]
        try await sandbox.test(as: .specialist) { client in
            for (action, values, field, message) in cases {
                let filled =
                    action == Self.enrolAction
                    ? ["course": openCode]
                    : ["course": endedCode, "end": ended.end?.russian ?? "", "certificate": "№ 5 <b>"]
                let answer = try await Self.submit(client, action, filled.merging(values) { $1 })
                #expect(answer.status == .unprocessableContent, "\(values)")
                #expect(answer.body.contains("<p class=\"error\" id=\"f-\(field)-error\">"), "\(values)")
                #expect(answer.body.contains(message), "\(values): \(answer.body)")
                #expect(answer.body.components(separatedBy: "<p class=\"error\"").count == 2, "\(values)")
                if action == Self.completeAction, values["certificate"] == nil {
                    #expect(answer.body.contains("value=\"№ 5 &lt;b&gt;\""), "\(values)")
                }
                if let date = values["start"] ?? values["end"], !date.isEmpty {
                    #expect(answer.body.contains("value=\"\(date)\""), "\(values)")
                }
            }
        }
        #expect(try Self.trainings(sandbox) == before)
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == auditBefore)
    }

    @Test func onlyTheSpecialistSeesAndPostsTheTrainingForms() async throws {
        let sandbox = try await WebSandbox()
        let (_, ended) = try await Self.courses(sandbox)
        let expected: [(Role, HTTPResponse.Status)] = [
            (.admin, .forbidden), (.methodologist, .forbidden), (.viewer, .forbidden), (.school, .forbidden),
            (.specialist, .seeOther),
        ]
        try await sandbox.test { client in
            let visitor = try await client.request(Self.completeAction, method: .post, form: [("course", "x")])
            #expect(visitor.status == .seeOther)
            #expect(visitor.location == "/login?next=%2Fstaff%2F\(Self.person)")
            for (role, status) in expected {
                client.clearCookies()
                try await client.logIn(role)
                let csrf = try #require(try await client.request("/roadmap").csrf)
                let page = try await client.request(Self.card)
                #expect(page.body.contains("Завершить обучение") == (status == .seeOther), "\(role)")
                let version = try await sandbox.app().trainingVersion(staff: Self.person)
                let before = try Self.trainings(sandbox)
                let answer = try await client.request(
                    Self.completeAction, method: .post,
                    form: [
                        ("csrf", csrf), ("version", String(version)), ("course", ended.code ?? ""),
                        ("end", ended.end?.russian ?? ""), ("certificate", "К-\(role.rawValue)"),
                    ])
                #expect(answer.status == status, "\(role)")
                #expect((try Self.trainings(sandbox) != before) == (status == .seeOther), "\(role)")
            }
        }
    }

    @Test func aFormWithoutOrWithAWrongCSRFTokenChangesNothing() async throws {
        let sandbox = try await WebSandbox()
        let (open, _) = try await Self.courses(sandbox)
        let before = try Self.trainings(sandbox)
        let version = try await sandbox.app().trainingVersion(staff: Self.person)
        try await sandbox.test(as: .specialist) { client in
            for action in [Self.enrolAction, Self.completeAction] {
                try await CuratorActionsTests.expectRefusedWithoutAValidToken(
                    client, action,
                    [
                        ("version", String(version)), ("course", open.code ?? ""), ("end", LocalDate.today().russian),
                        ("certificate", "1"),
                    ])
            }
        }
        #expect(try Self.trainings(sandbox) == before)
    }

    @Test func aCardOpenedBeforeAnotherSaveIsRefusedNamingWhoChangedIt() async throws {
        let sandbox = try await WebSandbox()
        let (open, ended) = try await Self.courses(sandbox)
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            let other = WebClient(client.client)
            try await other.logIn(.specialist)
            let opened = try await client.request(Self.card)
            var fields = try CuratorActionsTests.hiddenFields(action: Self.completeAction, in: opened.body)
            #expect(try await Self.submit(other, Self.enrolAction, ["course": open.code ?? ""]).status == .seeOther)
            fields.merge(["course": ended.code ?? "", "end": ended.end?.russian ?? "", "certificate": "555"]) { $1 }
            let answer = try await client.request(
                Self.completeAction, method: .post, form: fields.sorted { $0.key < $1.key })
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Запись изменена пользователем \(Self.specialist) в "))
            #expect(answer.body.contains("; откройте её заново."))
            #expect(answer.body.contains("value=\"555\""))
        }
        #expect(!(try Self.trainings(sandbox).contains { $0.hasSuffix("|555") }))
    }

    @Test func anEnrolmentFromACardOpenedBeforeAnotherChangeIsRefusedAndWritesNothing() async throws {
        let sandbox = try await WebSandbox()
        let (open, ended) = try await Self.courses(sandbox)
        let openCode = try #require(open.code)
        try await sandbox.test(as: .specialist) { client in
            let opened = try await client.request(Self.card)
            var fields = try CuratorActionsTests.hiddenFields(action: Self.enrolAction, in: opened.body)
            // Meanwhile another user records a finished course of the same person.
            _ = try await sandbox.app().acting(as: AuditActor(name: "Другой специалист", command: "тест")).complete(
                staff: Self.person, course: try #require(ended.code), certificate: "444",
                end: try #require(ended.end), today: .today())
            let before = try Self.trainings(sandbox)
            let audited = try sandbox.app().database.auditCount(AuditFilter())
            fields.merge(["course": openCode, "start": "", "end": ""]) { $1 }
            let answer = try await client.request(
                Self.enrolAction, method: .post, form: fields.sorted { $0.key < $1.key })
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Запись изменена пользователем Другой специалист в "))
            #expect(answer.body.contains("; откройте её заново."))
            #expect(answer.body.contains("<option value=\"\(openCode)\" selected>"))
            #expect(try Self.trainings(sandbox) == before)
            #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
        }
        #expect(!(try Self.trainings(sandbox).contains("\(openCode)|applied|")))
    }

    @Test func anUnknownPersonIsNotFound() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            let csrf = try #require(try await client.request("/roadmap").csrf)
            let answer = try await client.request(
                "/staff/НЕТ-ТАКОГО/training/enrol", method: .post, form: [("csrf", csrf), ("version", "0")])
            #expect(answer.status == .notFound)
        }
    }
}
