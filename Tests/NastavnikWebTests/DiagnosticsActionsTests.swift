import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// The diagnostics' forms (issue 20): an instrument's thresholds and an observed lesson, each
/// through the CLI's use case, under the user's name, with each error beside its field, 403
/// without the role or the token, 409 on thresholds changed since the form was opened.
@Suite struct DiagnosticsActionsTests {
    static let methodologist = SeminarActionsTests.methodologist

    /// The instrument of the demo's campaigns.
    static func instrument(_ sandbox: WebSandbox) async throws -> String {
        try #require(try await sandbox.app().diagnosticCampaigns().first?.instrument)
    }

    /// Opens the instrument's thresholds page and posts its form with `values` over the fields'.
    static func submit(_ client: WebClient, instrument: String, _ values: [String: String]) async throws
        -> WebClient.Answer
    {
        let page = try await client.request(URLPath.query("/diagnostics/thresholds", [("instrument", instrument)]))
        var fields: [String: String] = [
            "csrf": try #require(page.csrf), "version": try #require(RoadmapMarkTests.hidden("version", in: page.body)),
            "instrument": instrument,
        ]
        fields.merge(values) { $1 }
        return try await client.request(
            "/diagnostics/thresholds", method: .post, form: fields.sorted { $0.key < $1.key })
    }

    static func own(_ sandbox: WebSandbox, _ instrument: String) async throws -> [Competence: Double] {
        try await sandbox.app().thresholdsToEdit(instrument: instrument).values.mapValues(\.threshold)
    }

    @Test func aMethodologistSetsAnInstrumentsThresholdsUnderTheirName() async throws {
        let sandbox = try await WebSandbox()
        let instrument = try await Self.instrument(sandbox)
        try await sandbox.test(as: .methodologist) { client in
            let diagnostics = try await client.request("/diagnostics")
            #expect(diagnostics.body.contains("href=\"/diagnostics/thresholds\""))
            let answer = try await Self.submit(
                client, instrument: instrument,
                ["threshold-subject": "12,5", "max-subject": "30", "threshold-methodological": "18"])
            #expect(answer.status == .seeOther)
            let shown = try await client.request(try #require(answer.location))
            #expect(shown.body.contains("сохранены: предметные — выше 12,5, методические — выше 18."))
            #expect(shown.body.contains("value=\"12,5\""))
        }
        let own = try await sandbox.app().thresholdsToEdit(instrument: instrument).values
        #expect(own[.subject]?.threshold == 12.5 && own[.subject]?.maxScore == 30)
        #expect(own[.methodological]?.threshold == 18 && own[.psychological] == nil)
        let entries = try sandbox.app().database.auditEntries(AuditFilter(table: "competence_threshold"), limit: nil)
            .filter { $0.command == "веб: пороги «\(instrument)»" }
        #expect(entries.count == 2 && entries.allSatisfy { $0.actor == Self.methodologist })
    }

    @Test func eachBadThresholdIsShownBesideItAndNothingIsWritten() async throws {
        let sandbox = try await WebSandbox()
        // Each: the field typed, its value, the field the error stands beside, the error.
        let cases: [(String, String, String, String)] = [
            (
                "threshold-subject", "двенадцать", "threshold-subject",
                "Поле «Предметные: порог»: «двенадцать» — не число"
            ),
            ("threshold-subject", "-1", "threshold-subject", "порог не может быть меньше нуля."),
            ("max-subject", "0", "max-subject", "максимальный балл должен быть больше нуля."),
            ("max-subject", "много", "max-subject", "Поле «Предметные: максимальный балл»: «много» — не число"),
            ("max-subject", "10", "threshold-subject", "порог должен быть меньше максимального балла шкалы."),
            ("threshold-subject", "", "threshold-subject", "порог задан; укажите число (удалить его нельзя)."),
            ("max-psychological", "40", "threshold-psychological", "укажите порог к максимальному баллу."),
        ]
        try await sandbox.test(as: .methodologist) { client in
            // The default («*») has subject 10 and methodological 20 set.
            for (name, typed, field, message) in cases {
                var values = ["threshold-subject": "10", "threshold-methodological": "20"]
                values[name] = typed
                let answer = try await Self.submit(client, instrument: "*", values)
                SeminarActionsTests.expectRefused(answer, field: field, message: message, "\(name)=\(typed)")
                #expect(typed.isEmpty || answer.body.contains("value=\"\(typed)\""), "\(name)=\(typed)")
            }
        }
        #expect(try await Self.own(sandbox, "*") == [.subject: 10, .methodological: 20])
    }

    @Test func thresholdsChangedSinceTheFormOpenedAreNotOverwritten() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/diagnostics/thresholds")
            let opened = try #require(RoadmapMarkTests.hidden("version", in: page.body))
            // The same change from the command line in between.
            _ = try await sandbox.app().diagnosticThresholds(instrument: "*", setting: .subject, to: 11)
            let answer = try await client.request(
                "/diagnostics/thresholds", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("version", opened), ("instrument", "*"),
                    ("threshold-subject", "15"), ("threshold-methodological", "20"),
                ])
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Запись изменена пользователем"))
            #expect(answer.body.contains("value=\"15\""))
        }
        #expect(try await Self.own(sandbox, "*")[.subject] == 11)
    }

    // MARK: Observations

    @Test func aMethodologistRecordsAnObservedLessonWithItsDeficits() async throws {
        let sandbox = try await WebSandbox()
        let person = WebSandbox.otherPerson
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/observations")
            #expect(page.body.contains("method=\"post\" action=\"/observations\""))
            let answer = try await client.request(
                "/observations", method: .post,
                form: [
                    ("csrf", try #require(page.csrf)), ("staff", person), ("date", "01.12.2026"),
                    ("observer", "Петрова Анна Ивановна"), ("role", "методист"), ("class", "7А"),
                    ("subject", "математика"), ("focus", "мотивация"), ("scores", "целеполагание=2\nрефлексия = 1,5"),
                    ("deficits", "формирующее оценивание\n\n"), ("note", "посетить ещё раз"),
                ])
            #expect(answer.status == .seeOther)
            let shown = try await client.request(try #require(answer.location))
            #expect(shown.body.contains("Урок записан: \(person), 01.12.2026"))
            #expect(shown.body.contains("формирующее оценивание"))
        }
        let rows = try await sandbox.app().observations(staff: person, schoolCode: nil)
        let entry = try #require(rows.first?.entry)
        #expect(entry.scores == ["целеполагание": 2, "рефлексия": 1.5])
        #expect(entry.deficits == ["формирующее оценивание"] && entry.className == "7А")
        let audited = try sandbox.app().database.auditEntries(AuditFilter(table: "lesson_observation"), limit: nil)
        #expect(audited.count == 1 && audited[0].actor == Self.methodologist)
    }

    @Test func eachBadObservationFieldIsShownBesideIt() async throws {
        let sandbox = try await WebSandbox()
        let tomorrow = LocalDate.today().adding(days: 1).russian
        let good: [String: String] = [
            "staff": WebSandbox.otherPerson, "date": "01.12.2026", "observer": "Петрова А. И.", "scores": "",
        ]
        let cases: [(values: [String: String], field: String, message: String)] = [
            (["staff": ""], "staff", "Поле «Табельный номер учителя»: укажите его."),
            (["staff": "НЕТ-777"], "staff", "НЕТ-777"),
            (["observer": ""], "observer", "Поле «Кто посещал»: укажите ФИО."),
            (["date": "1 декабря"], "date", "Поле «Дата урока»: «1 декабря» — не дата"),
            (["date": tomorrow], "date", "Поле «Дата урока»: Дата урока \(tomorrow) ещё не наступила."),
            (["scores": "целеполагание два"], "scores", "записывайте «критерий=балл»: целеполагание два."),
        ]
        try await sandbox.test(as: .methodologist) { client in
            let csrf = try #require(try await client.request("/observations").csrf)
            for (values, field, message) in cases {
                let form = good.merging(values) { $1 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                let answer = try await client.request("/observations", method: .post, form: [("csrf", csrf)] + form)
                SeminarActionsTests.expectRefused(answer, field: field, message: message, "\(values)")
            }
        }
        #expect(try await sandbox.app().observations(staff: nil, schoolCode: nil).isEmpty)
    }

    // MARK: Role and token

    @Test func otherRolesAndFormsWithoutTheTokenChangeNothing() async throws {
        let sandbox = try await WebSandbox()
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        let posts: [(String, [(String, String)])] = [
            ("/diagnostics/thresholds", [("instrument", "*"), ("threshold-subject", "12")]),
            ("/observations", [("staff", WebSandbox.otherPerson), ("date", "01.12.2026"), ("observer", "Я")]),
        ]
        try await sandbox.test { client in
            for role in [Role.admin, .specialist, .viewer, .school] {
                client.clearCookies()
                try await client.logIn(role)
                let csrf = try #require(try await client.request("/roadmap").csrf)
                if role != .school {
                    #expect(
                        !(try await client.request("/observations").body.contains(
                            "method=\"post\" action=\"/observations\"")))
                    #expect(
                        !(try await client.request("/diagnostics/thresholds").body.contains(
                            "method=\"post\" action=\"/diagnostics")))
                }
                for (path, values) in posts {
                    let answer = try await client.request(
                        path, method: .post, form: [("csrf", csrf), ("version", "0")] + values)
                    #expect(answer.status == .forbidden, "\(role) \(path)")
                }
            }
            client.clearCookies()
            try await client.logIn(.methodologist)
            for (path, values) in posts {
                for form in [[("version", "0")] + values, [("csrf", "поддельный"), ("version", "0")] + values] {
                    #expect(try await client.request(path, method: .post, form: form).status == .forbidden, "\(path)")
                }
            }
        }
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
    }
}
