import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// The seminars' forms (issue 20): saving the planner's proposal, the date and host, moving a
/// teacher, the attendance — each through the CLI's use case, under the user's name, with each
/// error beside its field, 403 without the role or the token, 409 on a stale event.
@Suite struct SeminarActionsTests {
    static let topic = SeminarRoutesTests.topic
    static let november = (LocalDate(year: 2026, month: 11, day: 1)!, LocalDate(year: 2026, month: 11, day: 30)!)
    static let methodologist = "Тестовый методист (test-methodologist)"

    /// A sandbox with the seminars of `topic` in November 2026 saved (past days: attendance may be ticked).
    static func sandboxWithEvents() async throws -> (WebSandbox, [EventLine]) {
        let sandbox = try await WebSandbox()
        _ = try await sandbox.app().createSeminars(
            SeminarRequest(topic: topic, from: november.0, to: november.1, capacity: 10), today: WebSandbox.asOf)
        let events = try await sandbox.app().events()
        try #require(events.count >= 2)
        return (sandbox, events)
    }

    /// Opens the event's page and posts the form at `path` with its token and version and `values`.
    static func submit(
        _ client: WebClient, event: Int64, _ path: String, _ values: [(String, String)]
    ) async throws -> WebClient.Answer {
        let page = try await client.request("/seminars/\(event)")
        let fields = [
            ("csrf", try #require(page.csrf)),
            ("version", try #require(RoadmapMarkTests.hidden("version", in: page.body))),
        ]
        return try await client.request("/seminars/\(event)/\(path)", method: .post, form: fields + values)
    }

    static func audited(_ sandbox: WebSandbox, command: String) throws -> [AuditEntry] {
        try sandbox.app().database.auditEntries(AuditFilter(), limit: nil).filter { $0.command == command }
    }

    static func event(_ sandbox: WebSandbox, _ id: Int64) async throws -> EventLine {
        try await sandbox.app().event(id)
    }

    /// `text` as a page shows it.
    static func html(_ text: String) -> String {
        var html = ""
        HTMLText.append(text, to: &html)
        return html
    }

    /// `answer` is the form again (422) with the one error `message` beside `field`.
    static func expectRefused(
        _ answer: WebClient.Answer, field: String, message: String, _ note: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(answer.status == .unprocessableContent, "\(note)", sourceLocation: sourceLocation)
        #expect(
            answer.body.contains("<p class=\"error\" id=\"f-\(field)-error\">"), "\(note)",
            sourceLocation: sourceLocation)
        #expect(answer.body.contains(html(message)), "\(note): \(answer.body)", sourceLocation: sourceLocation)
        #expect(errors(answer.body) == 1, "\(note)", sourceLocation: sourceLocation)
    }

    /// The error paragraphs of a page.
    static func errors(_ body: String) -> Int { body.components(separatedBy: "<p class=\"error\"").count - 1 }

    // MARK: Saving the proposal

    @Test func aMethodologistSavesTheProposalAsEventsUnderTheirName() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .methodologist) { client in
            // As a browser's GET form sends it: a space as «+».
            let topic = WebClient.encode(Self.topic).replacingOccurrences(of: "%20", with: "+")
            #expect(topic.contains("+"))
            let page = try await client.request("/seminars/plan?topic=\(topic)&from=01.11.2026&to=30.11.2026")
            #expect(page.body.contains("method=\"post\" action=\"/seminars/plan\""))
            #expect(page.body.contains("Сохранить как мероприятия"))
            let answer = try await client.request(
                "/seminars/plan", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("topic", Self.topic), ("from", "01.11.2026"),
                    ("to", "30.11.2026"), ("capacity", "10"), ("kind", "семинар"), ("time", "15:00"),
                    ("minutes", "60"),
                ])
            #expect(answer.status == .seeOther)
            let events = try await sandbox.app().events()
            #expect(events.count >= 2)
            #expect(answer.location == "/seminars/\(events[0].id)")
            #expect(events.allSatisfy { $0.startTime == "15:00" && $0.topic == Self.topic && $0.capacity == 10 })
            let shown = try await client.request(try #require(answer.location))
            #expect(shown.body.contains("Сохранено мероприятий: \(events.count)"))
        }
        let entries = try Self.audited(sandbox, command: "веб: семинары «\(Self.topic)»")
        #expect(!entries.isEmpty && entries.allSatisfy { $0.actor == Self.methodologist })
    }

    @Test func eachBadFieldOfThePlanIsShownBesideItAndNothingIsSaved() async throws {
        let sandbox = try await WebSandbox()
        let good: [String: String] = [
            "topic": Self.topic, "from": "01.11.2026", "to": "30.11.2026", "capacity": "10", "kind": "семинар",
            "time": "14:00", "minutes": "90", "activity": "",
        ]
        let cases: [(values: [String: String], field: String, message: String)] = [
            (["topic": ""], "topic", "Поле «Тема (дефицит)»: укажите тему."),
            (["from": "31.02.2026"], "from", "Поле «С даты»: «31.02.2026» — не дата"),
            (["to": "01.10.2026"], "to", "Поле «По дату»: 01.10.2026 раньше даты начала 01.11.2026."),
            (["capacity": "0"], "capacity", "Поле «Участников в группе»: «0» — не число от 1 до 1000."),
            (["kind": "лекция"], "kind", "Поле «Вид»: неизвестный вид «лекция»"),
            (["time": "25:00"], "time", "Поле «Начало»: «25:00» — не время; укажите ЧЧ:ММ"),
            (["minutes": "полтора часа"], "minutes", "Поле «Продолжительность, минут»: «полтора часа» — не число"),
            (["activity": "№ 5"], "activity", "Поле «Мероприятие дорожной карты»: «№ 5» — не номер срока."),
            (["activity": "999999"], "activity", "Поле «Мероприятие дорожной карты»: нет срока № 999999."),
        ]
        try await sandbox.test(as: .methodologist) { client in
            let csrf = try #require(try await client.request("/seminars/plan").csrf)
            for (values, field, message) in cases {
                let form = good.merging(values) { $1 }.sorted { $0.key < $1.key }
                let answer = try await client.request(
                    "/seminars/plan", method: .post, form: [("csrf", csrf)] + form.map { ($0.key, $0.value) })
                Self.expectRefused(answer, field: field, message: message, "\(values)")
                if let typed = values[field], !typed.isEmpty, field != "kind" {
                    #expect(answer.body.contains("value=\"\(Self.html(typed))\""), "\(values)")
                }
            }
        }
        #expect(try await sandbox.app().events().isEmpty)
    }

    // MARK: Date, time and host

    @Test func theDateAndHostChangeAndAStaleFormIsRefused() async throws {
        let (sandbox, events) = try await Self.sandboxWithEvents()
        let id = events[0].id
        try await sandbox.test { client in
            try await client.logIn(.methodologist)
            let page = try await client.request("/seminars/\(id)")
            #expect(page.body.contains("action=\"/seminars/\(id)/schedule\""))
            let opened = try #require(RoadmapMarkTests.hidden("version", in: page.body))
            let answer = try await Self.submit(
                client, event: id, "schedule", [("date", "03.11.2026"), ("time", "10:30"), ("host", "SV002")])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/seminars/\(id)")
            #expect(try await client.request("/seminars/\(id)").body.contains("Сохранено: мероприятие № \(id)"))
            let event = try await Self.event(sandbox, id)
            #expect(event.date.russian == "03.11.2026" && event.startTime == "10:30" && event.hostCode == "SV002")
            // The form opened before the save is stale now.
            let stale = try await client.request(
                "/seminars/\(id)/schedule", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("version", opened), ("date", "04.11.2026"), ("time", ""),
                    ("host", ""),
                ])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("Запись изменена пользователем \(Self.methodologist) в "))
            #expect(stale.body.contains("value=\"04.11.2026\""))
        }
        #expect(try await Self.event(sandbox, id).date.russian == "03.11.2026")
        let entries = try Self.audited(sandbox, command: "веб: дата и площадка мероприятия \(id)")
        #expect(entries.count == 1 && entries[0].actor == Self.methodologist)
    }

    @Test func eachBadScheduleFieldIsShownBesideIt() async throws {
        let (sandbox, events) = try await Self.sandboxWithEvents()
        let id = events[0].id
        let cases: [([(String, String)], String, String)] = [
            ([("date", "32.11.2026"), ("time", ""), ("host", "")], "date", "Поле «Дата»: «32.11.2026» — не дата"),
            ([("date", ""), ("time", ""), ("host", "")], "date", "Поле «Дата»: укажите дату мероприятия"),
            ([("date", "03.11.2026"), ("time", "2 часа"), ("host", "")], "time", "Поле «Начало»: «2 часа» — не время"),
            (
                [("date", "03.11.2026"), ("time", ""), ("host", "XX1")], "host",
                "Поле «Площадка»: нет школы с кодом «XX1»."
            ),
        ]
        try await sandbox.test(as: .methodologist) { client in
            for (values, field, message) in cases {
                let answer = try await Self.submit(client, event: id, "schedule", values)
                Self.expectRefused(answer, field: field, message: message, "\(values)")
            }
        }
        #expect(try await Self.event(sandbox, id).date == events[0].date)
    }

    // MARK: Moving a teacher

    @Test func aTeacherMovesToAnotherEventAndBadChoicesAreNamed() async throws {
        let (sandbox, events) = try await Self.sandboxWithEvents()
        let from = events[0]
        let to = try #require(events.first { $0.id != from.id && $0.participants.count < ($0.capacity ?? 0) })
        let person = try #require(from.participants.first { $0.staffID != nil })
        let staff = try #require(person.staffID)
        try await sandbox.test(as: .methodologist) { client in
            for (values, field, message) in [
                ([("staff", ""), ("to", String(to.id))], "staff", "Поле «Участник»: выберите, кого перевести."),
                ([("staff", "НЕТ-1"), ("to", String(to.id))], "staff", "Поле «Участник»: «НЕТ-1» не приглашён"),
                ([("staff", staff), ("to", "")], "to", "Поле «В мероприятие»: выберите мероприятие."),
                ([("staff", staff), ("to", String(from.id))], "to", "Поле «В мероприятие»: нет другого мероприятия"),
            ] as [([(String, String)], String, String)] {
                let answer = try await Self.submit(client, event: from.id, "move", values)
                Self.expectRefused(answer, field: field, message: message, "\(values)")
            }
            let answer = try await Self.submit(
                client, event: from.id, "move", [("staff", staff), ("to", String(to.id))])
            #expect(answer.status == .seeOther)
            #expect(
                try await client.request("/seminars/\(from.id)").body.contains(
                    Self.html("\(person.name) переведён(а) из мероприятия № \(from.id) в № \(to.id)")))
        }
        #expect(!(try await Self.event(sandbox, from.id)).participants.contains { $0.staffID == staff })
        #expect(try await Self.event(sandbox, to.id).participants.contains { $0.staffID == staff })
        let entries = try Self.audited(sandbox, command: "веб: перевод участника из мероприятия \(from.id)")
        #expect(entries.count == 2 && entries.allSatisfy { $0.actor == Self.methodologist })
    }

    @Test func aMoveFromAPageOpenedBeforeAnotherChangeIsRefusedAndWritesNothing() async throws {
        let (sandbox, events) = try await Self.sandboxWithEvents()
        let from = events[0]
        let to = try #require(events.first { $0.id != from.id && $0.participants.count < ($0.capacity ?? 0) })
        let staff = try #require(from.participants.first { $0.staffID != nil }?.staffID)
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/seminars/\(from.id)")
            let version = try #require(RoadmapMarkTests.hidden("version", in: page.body))
            // Meanwhile another user moves the event to another day.
            try await sandbox.app().acting(as: AuditActor(name: "Другой методист", command: "тест"))
                .rescheduleEvent(
                    id: from.id, date: LocalDate(year: 2026, month: 11, day: 5)!, startTime: nil, hostCode: nil)
            let audited = try sandbox.app().database.auditCount(AuditFilter())
            let answer = try await client.request(
                "/seminars/\(from.id)/move", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("version", version), ("staff", staff), ("to", String(to.id)),
                ])
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Запись изменена пользователем Другой методист в "))
            #expect(answer.body.contains("; откройте её заново."))
            #expect(answer.body.contains("<option value=\"\(staff)\" selected>"))
            #expect(answer.body.contains("<option value=\"\(to.id)\" selected>"))
            #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
        }
        #expect(try await Self.event(sandbox, from.id).participants.contains { $0.staffID == staff })
        #expect(try await Self.event(sandbox, to.id).participants.map(\.staffID) == to.participants.map(\.staffID))
    }

    // MARK: Attendance

    @Test func tickingAttendanceRaisesTheCoverageOnTheDashboard() async throws {
        let (sandbox, events) = try await Self.sandboxWithEvents()
        let event = events[0]
        let before = try await sandbox.app().dashboard(asOf: .today()).coverage.map(\.count)
        let ticked = event.participants.compactMap(\.staffID)
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/seminars/\(event.id)")
            #expect(page.body.contains("action=\"/seminars/\(event.id)/attendance\""))
            #expect(page.body.contains("type=\"checkbox\" value=\"1\" id=\"f-present-\(ticked[0])\""))
            let answer = try await Self.submit(
                client, event: event.id, "attendance", ticked.map { ("present-" + $0, "1") })
            #expect(answer.status == .seeOther)
            let shown = try await client.request("/seminars/\(event.id)")
            #expect(
                shown.body.contains(
                    "Посещаемость мероприятия № \(event.id) записана: пришли \(ticked.count) из \(ticked.count)"))
            #expect(shown.body.contains("name=\"present-\(ticked[0])\" checked>"))
        }
        #expect(try await Self.event(sandbox, event.id).participants.allSatisfy { $0.attended == true })
        let after = try await sandbox.app().dashboard(asOf: .today()).coverage.map(\.count)
        // The seminars count towards the 30 % line; the 80 % (methodological associations) is unchanged.
        #expect(after[0] > before[0])
        #expect(after[1] == before[1])
        let entries = try Self.audited(sandbox, command: "веб: посещаемость мероприятия \(event.id)")
        #expect(!entries.isEmpty && entries.allSatisfy { $0.actor == Self.methodologist })
    }

    @Test func attendanceRefusesNoTicksAnUntickedRecordAndAStaleForm() async throws {
        let (sandbox, events) = try await Self.sandboxWithEvents()
        let event = events[0]
        let people = event.participants.compactMap(\.staffID)
        try #require(people.count >= 2)
        try await sandbox.test { client in
            try await client.logIn(.methodologist)
            let none = try await Self.submit(client, event: event.id, "attendance", [])
            #expect(none.status == .unprocessableContent)
            #expect(none.body.contains("Отметьте хотя бы одного пришедшего."))
            let page = try await client.request("/seminars/\(event.id)")
            let opened = try #require(RoadmapMarkTests.hidden("version", in: page.body))
            #expect(
                try await Self.submit(client, event: event.id, "attendance", [("present-" + people[0], "1")]).status
                    == .seeOther)
            // Unticking the one recorded is refused beside their box.
            let untick = try await Self.submit(client, event: event.id, "attendance", [("present-" + people[1], "1")])
            #expect(untick.status == .unprocessableContent)
            #expect(untick.body.contains("id=\"f-present-\(people[0])-error\""))
            #expect(untick.body.contains("присутствие уже записано"))
            // The form opened before the first save is stale.
            let stale = try await client.request(
                "/seminars/\(event.id)/attendance", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("version", opened), ("present-" + people[0], "1"),
                    ("present-" + people[1], "1"),
                ])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("Запись изменена пользователем \(Self.methodologist)"))
        }
        let attended = try await Self.event(sandbox, event.id).participants.filter { $0.attended == true }
        #expect(attended.compactMap(\.staffID) == [people[0]])
    }

    @Test func aFutureEventHasNoAttendanceFormAndItsTicksAreRefused() async throws {
        let sandbox = try await WebSandbox()
        _ = try await sandbox.app().createSeminars(
            SeminarRequest(topic: Self.topic, from: .today().adding(days: 30), to: .today().adding(days: 60)),
            today: .today())
        let event = try #require(try await sandbox.app().events().first)
        let person = try #require(event.participants.first?.staffID)
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/seminars/\(event.id)")
            #expect(!page.body.contains("/attendance\""))
            let answer = try await Self.submit(client, event: event.id, "attendance", [("present-" + person, "1")])
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains("ещё не"), "\(answer.body)")
        }
        #expect(try await Self.event(sandbox, event.id).participants.allSatisfy { $0.attended == nil })
    }

    // MARK: Role and token

    @Test func otherRolesSeeNoFormsAndArePostedAway() async throws {
        let (sandbox, events) = try await Self.sandboxWithEvents()
        let id = events[0].id
        let staff = try #require(events[0].participants.first?.staffID)
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        let posts: [(String, [(String, String)])] = [
            (
                "/seminars/plan",
                [("topic", Self.topic), ("from", "01.11.2026"), ("to", "30.11.2026"), ("capacity", "5")]
            ),
            ("/seminars/\(id)/schedule", [("date", "02.11.2026")]),
            ("/seminars/\(id)/move", [("staff", staff), ("to", String(events[1].id))]),
            ("/seminars/\(id)/attendance", [("present-" + staff, "1")]),
        ]
        try await sandbox.test { client in
            for role in [Role.admin, .specialist, .viewer] {
                client.clearCookies()
                try await client.logIn(role)
                let page = try await client.request("/seminars/\(id)")
                #expect(page.status == .ok && !page.body.contains("method=\"post\" action=\"/seminars"), "\(role)")
                let version = String(try await sandbox.app().eventVersion(id))
                for (path, values) in posts {
                    let answer = try await client.request(
                        path, method: .post,
                        form: [("csrf", try #require(page.csrf)), ("version", version)] + values)
                    #expect(answer.status == .forbidden, "\(role) \(path)")
                }
            }
        }
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
    }

    @Test func aFormWithoutTheTokenChangesNothing() async throws {
        let (sandbox, events) = try await Self.sandboxWithEvents()
        let id = events[0].id
        let staff = try #require(events[0].participants.first?.staffID)
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        let version = String(try await sandbox.app().eventVersion(id))
        try await sandbox.test(as: .methodologist) { client in
            for (path, values) in [
                ("/seminars/plan", [("topic", Self.topic), ("from", "01.11.2026"), ("to", "30.11.2026")]),
                ("/seminars/\(id)/schedule", [("date", "02.11.2026")]),
                ("/seminars/\(id)/move", [("staff", staff), ("to", String(events[1].id))]),
                ("/seminars/\(id)/attendance", [("present-" + staff, "1")]),
            ] as [(String, [(String, String)])] {
                for token in [nil, "поддельный"] as [String?] {
                    let form = [("version", version)] + values + (token.map { [("csrf", $0)] } ?? [])
                    let answer = try await client.request(path, method: .post, form: form)
                    #expect(answer.status == .forbidden, "\(path) \(token ?? "nil")")
                }
            }
        }
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
    }
}
