import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// The plans' forms (issue 20): generate a year's plans, add, change, mark and remove an item —
/// the CSRF token, the role, the errors beside their fields, a stale version, and the audit log
/// under the user's name.
@Suite struct PlanActionsTests {
    static let year = PlanActionRoutes.schoolYear(.today())

    /// Generates the `school` account's school's plans; returns the first plan with items.
    static func plan(_ sandbox: WebSandbox) async throws -> PlanLine {
        let app = try sandbox.app()
        _ = try await app.generatePlans(year: year, schoolCode: WebSandbox.school, asOf: .today())
        return try #require(try await app.plans(schoolCode: WebSandbox.school).first { $0.items.count >= 2 })
    }

    static func current(_ sandbox: WebSandbox, _ id: Int64) async throws -> PlanLine {
        try await sandbox.app().plan(String(id))
    }

    /// Opens `page` and posts the form whose action is `action` with `values` over `defaults`.
    static func submit(
        _ client: WebClient, page: String, action: String, _ defaults: [String: String],
        _ values: [String: String] = [:]
    ) async throws -> WebClient.Answer {
        let opened = try await client.request(page)
        var fields = defaults
        fields["csrf"] = try #require(opened.csrf)
        fields["version"] = try #require(RoadmapMarkTests.hidden("version", in: opened.body))
        fields.merge(values) { $1 }
        return try await client.request(action, method: .post, form: fields.sorted { $0.key < $1.key })
    }

    static let item: [String: String] = [
        "kind": PlanItemKind.openLesson.russian, "topic": "смысловое чтение",
        "description": "Посетить 3 открытых урока", "deadline": "01.03.2027", "expected_result": "лист посещения",
    ]

    static func mark(_ item: Int64) -> [String: String] {
        ["status": "выполнено", "date": LocalDate.today().russian, "evidence": "Удостоверение № 77 от 01.12.2026"]
    }

    /// The audit log's entries of `table` made with `command`.
    static func audited(_ sandbox: WebSandbox, _ table: String, command: String) throws -> [AuditEntry] {
        try sandbox.app().database.auditEntries(AuditFilter(table: table), limit: nil).filter { $0.command == command }
    }

    @Test func aMethodologistGeneratesASchoolsPlansAndSeesWhatWasMade() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .methodologist) { client in
            let list = try await client.request("/plans")
            #expect(list.body.contains("action=\"/plans/generate\""))
            let answer = try await Self.submit(
                client, page: "/plans", action: "/plans/generate", ["year": Self.year, "school": WebSandbox.school])
            #expect(answer.status == .seeOther)
            #expect(answer.location?.hasPrefix("/plans?school=\(WebSandbox.school)&year=") == true)
            let shown = try await client.request(try #require(answer.location))
            let plans = try await sandbox.app().plans(schoolCode: WebSandbox.school)
            #expect(!plans.isEmpty)
            #expect(
                shown.text.contains(
                    "Планы на \(Self.year) учебный год (школа \(WebSandbox.school)): работников с планом — \(plans.count); новых планов — \(plans.count)"
                ))
        }
        #expect(try await sandbox.app().plans().allSatisfy { $0.schoolCode == WebSandbox.school })
        let entries = try Self.audited(sandbox, "development_plan", command: "веб: планы на \(Self.year)")
        #expect(!entries.isEmpty && entries.allSatisfy { $0.actor == "Тестовый методист (test-methodologist)" })
    }

    /// A whole municipality's plans are made in the background: the form answers at once with the
    /// job's page, which refreshes itself until the plans are written, then confirms what was made;
    /// only the user who started it sees the page.
    @Test func aWholeMunicipalitysPlansAreMadeInTheBackgroundWithAPageThatShowsHowFar() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .methodologist) { client in
            let answer = try await Self.submit(
                client, page: "/plans", action: "/plans/generate", ["year": Self.year, "school": ""])
            #expect(answer.status == .seeOther)
            let jobPath = try #require(answer.location)
            #expect(jobPath.hasPrefix("/jobs/"))
            // Waits for the work (a condition, not a time: at most 600 looks).
            var page = try await client.request(jobPath)
            var looks = 0
            while page.body.contains("http-equiv=\"refresh\""), looks < 600 {
                #expect(page.text.contains("Идёт работа"))
                try await Task.sleep(nanoseconds: 50_000_000)
                page = try await client.request(jobPath)
                looks += 1
            }
            #expect(page.status == .ok)
            let plans = try await sandbox.app().plans()
            #expect(Set(plans.map(\.schoolCode)).count > 1)
            #expect(
                page.text.contains(
                    "Планы на \(Self.year) учебный год (все школы): работников с планом — \(plans.count); новых планов — \(plans.count)"
                ), "\(page.text)")
            #expect(page.body.contains("href=\"/plans?year="))
            // Another user of the same server is not shown it.
            client.clearCookies()
            try await client.logIn(.specialist)
            #expect(try await client.request(jobPath).status == .notFound)
        }
        let entries = try Self.audited(sandbox, "development_plan", command: "веб: планы на \(Self.year)")
        #expect(!entries.isEmpty && entries.allSatisfy { $0.actor == "Тестовый методист (test-methodologist)" })
    }

    /// The job's page while it runs, and after a refusal.
    @Test func aJobsPageRefreshesWhileItRunsAndSaysWhyItFailed() {
        let started = Date(timeIntervalSince1970: 1_000_000)
        var job = BackgroundJob(id: "x", owner: "m", title: "Составление планов", started: started)
        job.progress = "записано планов работников — 50 из 333"
        let running = JobRoutes.view(job, now: started.addingTimeInterval(7))
        #expect(running.refresh == "2")
        // Typography's no-break spaces read as spaces.
        let text = { (view: PageView) in BlockHTML.render(view.blocks).replacingOccurrences(of: "\u{00A0}", with: " ") }
        #expect(text(running).contains("Идёт работа (7 с): записано планов работников — 50 из 333."))
        job.outcome = .failed("База данных занята импортом.")
        let failed = JobRoutes.view(job, now: started)
        #expect(failed.refresh == nil)
        #expect(text(failed).contains("Не выполнено, ничего не записано: База данных занята импортом."))
    }

    @Test func aBadYearOrSchoolIsShownBesideItsFieldAndNothingIsMade() async throws {
        let sandbox = try await WebSandbox()
        let cases: [(values: [String: String], field: String, message: String)] = [
            (["year": ""], "year", "Поле «Учебный год»: укажите учебный год"),
            (["year": "2026"], "year", "Поле «Учебный год»: «2026» не распознан; укажите его как 2026/27."),
            (["school": "XX999"], "school", "Поле «Школа»: школа с кодом «XX999» не найдена."),
        ]
        try await sandbox.test(as: .methodologist) { client in
            for (values, field, message) in cases {
                let answer = try await Self.submit(
                    client, page: "/plans", action: "/plans/generate", ["year": Self.year, "school": ""], values)
                answer.expectRefused(field: field, message: message, "\(values)")
                if let year = values["year"], !year.isEmpty { #expect(answer.body.contains("value=\"\(year)\"")) }
            }
        }
        #expect(try await sandbox.app().plans().isEmpty)
    }

    @Test func anItemIsAddedChangedMarkedDoneAndRemovedUnderTheEditorsName() async throws {
        let sandbox = try await WebSandbox()
        let plan = try await Self.plan(sandbox)
        let (first, second) = (plan.items[0].id, plan.items[1].id)
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/plans/\(plan.id)")
            #expect(page.body.contains("href=\"/plans/\(plan.id)/items/\(first)\""))
            let added = try await Self.submit(
                client, page: "/plans/\(plan.id)", action: "/plans/\(plan.id)/items", Self.item)
            #expect(added.status == .seeOther)
            #expect(added.location == "/plans/\(plan.id)")
            let shown = try await client.request("/plans/\(plan.id)")
            #expect(shown.text.contains("добавлен в план № \(plan.id)"))
            #expect(shown.text.contains("Посетить 3 открытых урока"))
            let itemPage = "/plans/\(plan.id)/items/\(first)"
            let changed = try await Self.submit(
                client, page: itemPage, action: itemPage, Self.item, ["description": "Курсы по оцениванию, 36 ч"])
            #expect(changed.status == .seeOther)
            let marked = try await Self.submit(
                client, page: itemPage, action: itemPage + "/status", Self.mark(first))
            #expect(marked.status == .seeOther)
            let done = try await client.request("/plans/\(plan.id)")
            #expect(done.text.contains("Сохранено: пункт № \(first) плана № \(plan.id) — «выполнено»"))
            #expect(done.text.contains("Удостоверение № 77 от 01.12.2026"))
            let removed = try await Self.submit(
                client, page: "/plans/\(plan.id)/items/\(second)", action: "/plans/\(plan.id)/items/\(second)/remove",
                [:])
            #expect(removed.status == .seeOther)
            #expect(try await client.request("/plans/\(plan.id)").text.contains("Пункт № \(second) «"))
        }
        let after = try await Self.current(sandbox, plan.id)
        #expect(after.items.count == plan.items.count)
        #expect(!after.items.contains { $0.id == second })
        let item = try #require(after.items.first { $0.id == first })
        #expect(item.description == "Курсы по оцениванию, 36 ч" && item.kind == .openLesson)
        #expect(item.status == .done && item.evidence == "Удостоверение № 77 от 01.12.2026")
        #expect(after.items.last?.description == "Посетить 3 открытых урока")
        for command in ["веб: пункт плана \(plan.id)", "веб: отметка пункта плана \(first)"] {
            let entries = try Self.audited(sandbox, "plan_item", command: command)
            #expect(!entries.isEmpty && entries.allSatisfy { $0.actor == "Тестовый методист (test-methodologist)" })
        }
    }

    @Test func eachBadFieldIsShownBesideItWithTheValuesKeptAndNothingWritten() async throws {
        let sandbox = try await WebSandbox()
        let plan = try await Self.plan(sandbox)
        let item = plan.items[0].id
        let tomorrow = LocalDate.today().adding(days: 1).russian
        let itemCases: [(values: [String: String], field: String, message: String)] = [
            (["kind": "танцы"], "kind", "Поле «Форма»: неизвестная форма «танцы»"),
            (["description": " "], "description", "Поле «Мероприятие»: Укажите мероприятие"),
            (["deadline": "31.02.2027"], "deadline", "Поле «Срок»: «31.02.2027» — не дата"),
            (["deadline": ""], "deadline", "Поле «Срок»: укажите дату"),
            (["deadline": "01.10.2027"], "deadline", "Поле «Срок»: Срок 01.10.2027 вне учебного года"),
        ]
        let markCases: [(values: [String: String], field: String, message: String)] = [
            (["status": "перенесено"], "status", "Поле «Статус»: неизвестный статус «перенесено»"),
            (["date": "вчера"], "date", "Поле «Дата»: «вчера» — не дата"),
            (["date": tomorrow], "date", "Дата отметки \(tomorrow) ещё не наступила"),
            (["evidence": ""], "evidence", "Для отметки «выполнено» укажите подтверждение"),
        ]
        let page = "/plans/\(plan.id)/items/\(item)"
        try await sandbox.test(as: .methodologist) { client in
            for (action, defaults, cases) in [
                ("/plans/\(plan.id)/items", Self.item, itemCases), (page, Self.item, itemCases),
                (page + "/status", Self.mark(item), markCases),
            ] {
                for (values, field, message) in cases {
                    let opened = action.hasSuffix("/items") ? "/plans/\(plan.id)" : page
                    let answer = try await Self.submit(
                        client, page: opened, action: action, defaults,
                        values.merging(["topic": "тема <b>"]) { a, _ in a })
                    answer.expectRefused(field: field, message: message, "\(action) \(values)")
                    // A select shows its own options only: an unknown value cannot be kept in it.
                    for (name, value) in values
                    where !value.trimmingCharacters(in: .whitespaces).isEmpty && !["kind", "status"].contains(name) {
                        #expect(answer.body.contains("\"\(value)\"") || answer.body.contains(">\(value)<"), "\(name)")
                    }
                    if !action.hasSuffix("/status") { #expect(answer.body.contains("value=\"тема &lt;b&gt;\"")) }
                }
            }
        }
        #expect(try await Self.current(sandbox, plan.id) == plan)
    }

    @Test func onlyARoleThatMayEditPlansSendsTheirForms() async throws {
        let sandbox = try await WebSandbox()
        let plan = try await Self.plan(sandbox)
        let item = plan.items[0].id
        try await sandbox.asEachRole { client, role, status, csrf in
            let version = try await sandbox.app().planVersion(id: plan.id)
            // The school's own plan, and still no right to change it.
            let page = try await client.request("/plans/\(plan.id)/items/\(item)")
            #expect(page.status == .ok, "\(role)")
            #expect(page.body.contains("Отметить пункт") == (status == .seeOther), "\(role)")
            let answer = try await client.request(
                "/plans/\(plan.id)/items/\(item)/status", method: .post,
                form: [
                    ("csrf", csrf), ("version", String(version)), ("status", "выполняется"),
                    ("date", LocalDate.today().russian), ("evidence", ""),
                ])
            #expect(answer.status == status, "\(role)")
            let generate = try await client.request(
                "/plans/generate", method: .post,
                form: [("csrf", csrf), ("year", Self.year), ("school", WebSandbox.school)])
            #expect(generate.status == status, "\(role) generate")
        }
        let marked = try await Self.current(sandbox, plan.id).items.first { $0.id == item }
        #expect(marked?.status == .inProgress)
        let audit = try sandbox.app().database.auditEntries(AuditFilter(table: "plan_item"), limit: nil)
        #expect(
            audit.filter { ($0.command ?? "").hasPrefix("веб:") }.allSatisfy { $0.actor.contains("test-methodologist") }
        )
    }

    @Test func aFormWithoutOrWithAWrongCSRFTokenChangesNothing() async throws {
        let sandbox = try await WebSandbox()
        let plan = try await Self.plan(sandbox)
        let item = plan.items[0].id
        let auditBefore = try sandbox.app().database.auditCount(AuditFilter())
        try await sandbox.test(as: .methodologist) { client in
            try await client.expectTokenNeeded([
                ("/plans/\(plan.id)/items/\(item)/status", Self.mark(item)), ("/plans/\(plan.id)/items", Self.item),
                ("/plans/\(plan.id)/items/\(item)/remove", [:]),
                ("/plans/generate", ["year": Self.year, "school": WebSandbox.school]),
            ])
        }
        #expect(try await Self.current(sandbox, plan.id) == plan)
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == auditBefore)
    }

    @Test func aFormOpenedBeforeAnotherChangeToThePlanIsRefusedNamingWhoChangedIt() async throws {
        let sandbox = try await WebSandbox()
        let plan = try await Self.plan(sandbox)
        let first = plan.items[0].id
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/plans/\(plan.id)/items/\(first)")
            let version = try #require(RoadmapMarkTests.hidden("version", in: page.body))
            // Someone else removes another item of the same plan from the command line's use case.
            let other = NastavnikApp(
                database: try NastavnikDatabase(path: sandbox.path).acting(as: AuditActor(name: "Другой методист")))
            try await other.removePlanItem(plan.items[1].id)
            var form = Self.mark(first)
            form["status"] = "отменено"
            form["evidence"] = "Приказ № 3"
            let answer = try await client.request(
                "/plans/\(plan.id)/items/\(first)/status", method: .post,
                form: (form.map { ($0.key, $0.value) } + [("csrf", try #require(page.csrf)), ("version", version)]))
            #expect(answer.status == .conflict)
            #expect(answer.text.contains("Запись изменена пользователем Другой методист в "))
            #expect(answer.text.contains("; откройте её заново."))
            #expect(answer.body.contains("value=\"Приказ № 3\""))
            #expect(answer.body.contains("<option value=\"отменено\" selected>"))
        }
        let after = try await Self.current(sandbox, plan.id)
        #expect(after.items.first { $0.id == first }?.status == plan.items[0].status)
    }

    /// Adding, changing and removing an item from a form opened before another user changed the
    /// plan: each is refused with who changed it, the form keeps its values, and nothing is written.
    @Test func anItemFormOpenedBeforeAnotherChangeIsRefusedAndWritesNothing() async throws {
        let sandbox = try await WebSandbox()
        let plan = try await Self.plan(sandbox)
        let (first, second) = (plan.items[0].id, plan.items[1].id)
        let other = try sandbox.app().acting(as: AuditActor(name: "Другой методист", command: "тест"))
        let itemPage = "/plans/\(plan.id)/items/\(first)"
        let cases: [(page: String, action: String, values: [String: String], kept: String)] = [
            ("/plans/\(plan.id)", "/plans/\(plan.id)/items", Self.item, "Посетить 3 открытых урока"),
            (
                itemPage, itemPage, Self.item.merging(["description": "Курсы по оцениванию, 36 ч"]) { $1 },
                "Курсы по оцениванию, 36 ч"
            ),
            (itemPage, itemPage + "/remove", [:], "action=\"\(itemPage)/remove\""),
            (
                "/plans/\(plan.id)/items/\(second)", "/plans/\(plan.id)/items/\(second)/remove", [:],
                "action=\"/plans/\(plan.id)/items/\(second)/remove\""
            ),
        ]
        try await sandbox.test(as: .methodologist) { client in
            for (index, (page, action, values, kept)) in cases.enumerated() {
                let opened = try await client.request(page)
                let version = try #require(RoadmapMarkTests.hidden("version", in: opened.body))
                // Someone else adds an item to the same plan through the command line's use case.
                _ = try await other.addPlanItem(
                    plan: plan.id,
                    PlanItemFields(
                        kind: .selfStudy, topic: nil, description: "Чужой пункт \(index)",
                        deadline: LocalDate(year: 2027, month: 3, day: 1)!, expectedResult: nil))
                let before = try await Self.current(sandbox, plan.id)
                let audited = try sandbox.app().database.auditCount(AuditFilter())
                let answer = try await client.request(
                    action, method: .post,
                    form: [("csrf", try #require(opened.csrf)), ("version", version)]
                        + values.sorted { $0.key < $1.key })
                #expect(answer.status == .conflict, "\(action)")
                #expect(answer.text.contains("Запись изменена пользователем Другой методист в "), "\(action)")
                #expect(answer.text.contains("; откройте её заново."), "\(action)")
                #expect(answer.body.contains(kept), "\(action)")
                #expect(try await Self.current(sandbox, plan.id) == before, "\(action)")
                #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited, "\(action)")
            }
        }
        let after = try await Self.current(sandbox, plan.id)
        #expect(after.items.contains { $0.id == first } && after.items.contains { $0.id == second })
        #expect(!after.items.contains { $0.description == "Посетить 3 открытых урока" })
    }
}
