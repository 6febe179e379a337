import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// The mentoring forms (issue 20): take suggested pairs, record consent, log a meeting, end a
/// pair — the CSRF token, the role, the errors beside their fields, a stale version, and the
/// audit log under the user's name.
@Suite struct MentoringActionsTests {
    /// A pair of the demo that began before today and ends after it.
    static func pair(_ sandbox: WebSandbox) async throws -> MentorshipLine {
        try #require(
            try await sandbox.app().mentorships(activeOn: .today()).first {
                ($0.end ?? .today().adding(days: 1)) > .today() && ($0.start ?? .today()) < .today()
            })
    }

    static func meetings(_ sandbox: WebSandbox, _ id: Int64) async throws -> Int {
        try await sandbox.app().mentoringMeetings(id).count
    }

    static let meeting = ["date": LocalDate.today().russian, "topic": "план адаптации", "note": "обсудили уроки"]
    static let end = ["date": LocalDate.today().russian, "reason": "цели достигнуты"]

    static func audited(_ sandbox: WebSandbox, _ table: String, command: String) throws -> [AuditEntry] {
        try sandbox.app().database.auditEntries(AuditFilter(table: table), limit: nil).filter { $0.command == command }
    }

    @Test func aMethodologistTakesTheChosenSuggestionsAllAtOnce() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let before = try await app.mentorships(activeOn: nil).count
        var chosen: [MentorSuggestion] = []
        for suggestion in try await app.suggestMentors(asOf: .today()) where suggestion.mentor != nil {
            if !chosen.contains(where: { $0.mentor?.id == suggestion.mentor?.id }) { chosen.append(suggestion) }
            if chosen.count == 2 { break }
        }
        try #require(chosen.count == 2)
        let taken = chosen
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/mentoring/suggestions")
            #expect(page.body.contains("action=\"/mentoring/suggestions/assign\""))
            var form: [(String, String)] = [
                ("csrf", try #require(page.csrf)), ("start", LocalDate.today().russian),
                ("form", "педагог – молодой специалист"), ("goal", "адаптация"), ("consent", ""),
            ]
            form += taken.map { ("pair-" + $0.mentee.id, $0.mentor?.id ?? "") }
            let answer = try await client.request("/mentoring/suggestions/assign", method: .post, form: form)
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/mentoring")
            let shown = try await client.request("/mentoring")
            #expect(
                shown.text.contains("Закреплено пар: 2 с \(LocalDate.today().russian) — \(taken[0].mentee.fullName)"))
        }
        let pairs = try await app.mentorships(activeOn: nil)
        #expect(pairs.count == before + 2)
        for suggestion in chosen {
            #expect(
                pairs.contains {
                    $0.menteeID == suggestion.mentee.id && $0.mentorID == suggestion.mentor?.id
                        && $0.goal == "адаптация"
                })
        }
        let entries = try Self.audited(sandbox, "mentorship", command: "веб: закрепление наставников")
        #expect(entries.count == 2 && entries.allSatisfy { $0.actor == "Тестовый методист (test-methodologist)" })
    }

    @Test func aBadChoiceOrFieldIsShownAndNothingIsTaken() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let before = try await app.mentorships(activeOn: nil).count
        let suggestion = try #require(try await app.suggestMentors(asOf: .today()).first { $0.mentor != nil })
        let field = "pair-" + suggestion.mentee.id
        let mentor = try #require(suggestion.mentor?.id)
        let tomorrow = LocalDate.today().adding(days: 1).russian
        let cases: [(values: [String: String], field: String?, message: String)] = [
            ([field: ""], nil, "Выберите хотя бы одну пару"),
            ([field: "SV-9999"], nil, "Предложения изменились"),
            (["start": ""], "start", "Поле «Начало»: укажите дату"),
            (["start": "1 декабря"], "start", "Поле «Начало»: «1 декабря» — не дата"),
            (
                ["consent": tomorrow], "consent",
                "Поле «Согласие наставников»: Дата согласия \(tomorrow) ещё не наступила"
            ),
            (["form": "любая"], "form", "Поле «Форма наставничества»: неизвестная форма «любая»."),
        ]
        try await sandbox.test(as: .methodologist) { client in
            for (values, errorField, message) in cases {
                let page = try await client.request("/mentoring/suggestions")
                var form = [field: mentor, "start": LocalDate.today().russian, "form": "", "goal": "", "consent": ""]
                form.merge(values) { $1 }
                let answer = try await client.request(
                    "/mentoring/suggestions/assign", method: .post,
                    form: [("csrf", try #require(page.csrf))] + form.sorted { $0.key < $1.key })
                #expect(answer.status == .unprocessableContent, "\(values)")
                #expect(answer.text.contains(message), "\(values)")
                if let errorField {
                    #expect(answer.body.contains("<p class=\"error\" id=\"f-\(errorField)-error\">"), "\(values)")
                    // The choice is kept.
                    #expect(answer.body.contains("<option value=\"\(mentor)\" selected>"), "\(values)")
                } else {
                    #expect(answer.body.contains("id=\"form-error\""), "\(values)")
                }
            }
        }
        #expect(try await app.mentorships(activeOn: nil).count == before)
    }

    @Test func consentMeetingAndEndAreRecordedUnderTheEditorsName() async throws {
        let sandbox = try await WebSandbox()
        let pair = try await Self.pair(sandbox)
        let consent = LocalDate.today().adding(days: -3).russian
        try await sandbox.test(as: .methodologist) { client in
            let list = try await client.request("/mentoring")
            #expect(list.body.contains("href=\"/mentoring/pairs/\(pair.id)\""))
            let base = "/mentoring/pairs/\(pair.id)"
            let steps: [(String, [String: String], String)] = [
                (
                    "/consent", ["mentor": "", "mentee": consent],
                    "Согласие записано, пара № \(pair.id): наставляемого — \(consent)."
                ),
                ("/meetings", Self.meeting, "Встреча записана: пара № \(pair.id)"),
                ("/end", Self.end, "завершена \(LocalDate.today().russian): цели достигнуты."),
            ]
            for (action, values, confirmation) in steps {
                let answer = try await PlanActionsTests.submit(client, page: base, action: base + action, values)
                #expect(answer.status == .seeOther, "\(action)")
                #expect(answer.location == base)
                let shown = try await client.request(base)
                #expect(shown.text.contains(confirmation), "\(action): \(shown.text)")
            }
            let page = try await client.request(base)
            #expect(page.text.contains("план адаптации") && page.text.contains("обсудили уроки"))
            #expect(!page.body.contains("Записать встречу"))
        }
        let after = try await sandbox.app().mentorship(pair.id)
        #expect(after.menteeConsent?.russian == consent && after.consent == pair.consent)
        #expect(after.end == .today() && after.endReason == "цели достигнуты" && after.meetings == pair.meetings + 1)
        for (table, command) in [
            ("mentorship", "веб: согласие пары \(pair.id)"), ("mentoring_meeting", "веб: встреча пары \(pair.id)"),
            ("mentorship", "веб: окончание пары \(pair.id)"),
        ] {
            let entries = try Self.audited(sandbox, table, command: command)
            #expect(
                entries.count == 1 && entries.first?.actor == "Тестовый методист (test-methodologist)", "\(command)")
        }
    }

    @Test func eachBadFieldIsShownBesideItWithTheValuesKeptAndNothingWritten() async throws {
        let sandbox = try await WebSandbox()
        let pair = try await Self.pair(sandbox)
        let start = try #require(pair.start)
        let tomorrow = LocalDate.today().adding(days: 1).russian
        let early = start.adding(days: -1).russian
        let cases:
            [(action: String, defaults: [String: String], values: [String: String], field: String, message: String)] = [
                ("/meetings", Self.meeting, ["date": ""], "date", "Поле «Дата»: укажите дату"),
                (
                    "/meetings", Self.meeting, ["date": tomorrow], "date",
                    "Поле «Дата»: Дата встречи \(tomorrow) ещё не наступила"
                ),
                ("/meetings", Self.meeting, ["date": early], "date", "Встреча \(early) раньше начала пары"),
                ("/meetings", Self.meeting, ["topic": ""], "topic", "Поле «Тема»: укажите"),
                (
                    "/end", Self.end, ["date": early], "date",
                    "Поле «Дата окончания»: дата окончания \(early) раньше даты начала"
                ),
                ("/end", Self.end, ["reason": ""], "reason", "Поле «Причина»: укажите"),
                ("/end", Self.end, ["date": "завтра"], "date", "«завтра» — не дата"),
                (
                    "/consent", ["mentor": "", "mentee": ""], [:], "mentor",
                    "укажите дату согласия наставника или наставляемого"
                ),
                (
                    "/consent", ["mentor": "", "mentee": ""], ["mentee": tomorrow], "mentee",
                    "Поле «Согласие наставляемого»: Дата согласия"
                ),
            ]
        let base = "/mentoring/pairs/\(pair.id)"
        try await sandbox.test(as: .methodologist) { client in
            for (action, defaults, values, field, message) in cases {
                let answer = try await PlanActionsTests.submit(
                    client, page: base, action: base + action, defaults, values)
                answer.expectRefused(field: field, message: message, "\(action) \(values)")
                for value in values.values where !value.isEmpty { #expect(answer.body.contains("value=\"\(value)\"")) }
            }
        }
        #expect(try await sandbox.app().mentorship(pair.id) == pair)
    }

    @Test func onlyARoleThatMayEditMentoringSendsItsForms() async throws {
        let sandbox = try await WebSandbox()
        let pair = try await Self.pair(sandbox)
        try await sandbox.asEachRole { client, role, status, csrf in
            let version = try await sandbox.app().mentorshipVersion(id: pair.id)
            let answer = try await client.request(
                "/mentoring/pairs/\(pair.id)/meetings", method: .post,
                form: [("csrf", csrf), ("version", String(version))] + Self.meeting.map { ($0.key, $0.value) })
            #expect(answer.status == status, "\(role)")
            let page = try await client.request("/mentoring/pairs/\(pair.id)")
            #expect(page.status == (role == .school ? .forbidden : .ok), "\(role)")
            #expect(page.body.contains("Записать встречу") == (status == .seeOther), "\(role)")
        }
        #expect(try await Self.meetings(sandbox, pair.id) == 1)
    }

    @Test func aFormWithoutOrWithAWrongCSRFTokenChangesNothing() async throws {
        let sandbox = try await WebSandbox()
        let pair = try await Self.pair(sandbox)
        let auditBefore = try sandbox.app().database.auditCount(AuditFilter())
        try await sandbox.test(as: .methodologist) { client in
            try await client.expectTokenNeeded([
                ("/mentoring/pairs/\(pair.id)/meetings", Self.meeting), ("/mentoring/pairs/\(pair.id)/end", Self.end),
                ("/mentoring/pairs/\(pair.id)/consent", ["mentor": LocalDate.today().russian]),
                ("/mentoring/suggestions/assign", ["start": LocalDate.today().russian]),
            ])
        }
        #expect(try await sandbox.app().mentorship(pair.id) == pair)
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == auditBefore)
    }

    @Test func aFormOpenedBeforeAnotherChangeToThePairIsRefusedNamingWhoChangedIt() async throws {
        let sandbox = try await WebSandbox()
        let pair = try await Self.pair(sandbox)
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/mentoring/pairs/\(pair.id)")
            let version = try #require(RoadmapMarkTests.hidden("version", in: page.body))
            let other = NastavnikApp(
                database: try NastavnikDatabase(path: sandbox.path).acting(as: AuditActor(name: "Другой методист")))
            try await other.addMeeting(mentorship: pair.id, date: .today(), topic: "чужая встреча", note: nil)
            let answer = try await client.request(
                "/mentoring/pairs/\(pair.id)/end", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("version", version), ("date", LocalDate.today().russian),
                    ("reason", "перевод наставника"),
                ])
            #expect(answer.status == .conflict)
            #expect(answer.text.contains("Запись изменена пользователем Другой методист в "))
            #expect(answer.body.contains("value=\"перевод наставника\""))
            #expect(answer.text.contains("чужая встреча"))
        }
        let after = try await sandbox.app().mentorship(pair.id)
        #expect(after.end == pair.end && after.endReason == nil)
    }

    /// Consent and a meeting from a form opened before another user changed the pair: refused
    /// with who changed it, the values kept, nothing written.
    @Test func aConsentOrMeetingFormOpenedBeforeAnotherChangeIsRefusedAndWritesNothing() async throws {
        let sandbox = try await WebSandbox()
        let pair = try await Self.pair(sandbox)
        let other = try sandbox.app().acting(as: AuditActor(name: "Другой методист", command: "тест"))
        let base = "/mentoring/pairs/\(pair.id)"
        let consent = LocalDate.today().adding(days: -2).russian
        let cases: [(action: String, values: [(String, String)], kept: String)] = [
            ("/consent", [("mentor", consent), ("mentee", "")], "value=\"\(consent)\""),
            (
                "/meetings", [("date", LocalDate.today().russian), ("topic", "разбор урока"), ("note", "без чужих")],
                "value=\"разбор урока\""
            ),
        ]
        try await sandbox.test(as: .methodologist) { client in
            for (index, (action, values, kept)) in cases.enumerated() {
                let page = try await client.request(base)
                let version = try #require(RoadmapMarkTests.hidden("version", in: page.body))
                try await other.addMeeting(
                    mentorship: pair.id, date: .today(), topic: "чужая встреча \(index)", note: nil)
                let before = try await sandbox.app().mentorship(pair.id)
                let meetings = try await Self.meetings(sandbox, pair.id)
                let audited = try sandbox.app().database.auditCount(AuditFilter())
                let answer = try await client.request(
                    base + action, method: .post,
                    form: [("csrf", try #require(page.csrf)), ("version", version)] + values)
                #expect(answer.status == .conflict, "\(action)")
                #expect(answer.text.contains("Запись изменена пользователем Другой методист в "), "\(action)")
                #expect(answer.text.contains("; откройте её заново."), "\(action)")
                #expect(answer.body.contains(kept), "\(action)")
                #expect(try await sandbox.app().mentorship(pair.id) == before, "\(action)")
                #expect(try await Self.meetings(sandbox, pair.id) == meetings, "\(action)")
                #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited, "\(action)")
            }
        }
        let after = try await sandbox.app().mentorship(pair.id)
        #expect(after.consent == pair.consent && after.menteeConsent == pair.menteeConsent)
    }
}
