import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The forms that change development plans, each through the use case of its `nastavnik plans`
/// command and under the web user's name: generate the plans of a year (or one school's), add,
/// change or remove an item, and mark an item with its evidence (`plans mark`). Only a role that
/// may edit plans (`Permission.editPlans`) sends them; a form opened on a plan changed since is
/// refused (the plan's version: its row and its items', `NastavnikDatabase.planVersion`).
struct PlanActionRoutes {
    let site: Site
    /// The pages the forms live on, to show a refused form again.
    let pages: PlanRoutes

    func add(to router: Router<WebContext>) {
        router.post("plans/generate") { request, context in try await generate(request, context) }
        router.post("plans/:id/items") { request, context in try await addItem(request, context) }
        router.get("plans/:id/items/:item") { request, context in
            try await itemPage(try PlanRoutes.planID(context), try Self.itemID(context), request, context, forms: [:])
        }
        router.post("plans/:id/items/:item") { request, context in try await changeItem(request, context) }
        router.post("plans/:id/items/:item/status") { request, context in try await markItem(request, context) }
        router.post("plans/:id/items/:item/remove") { request, context in try await removeItem(request, context) }
    }

    /// The school year under way on `date` («2026/27» from 1 September), the form's default.
    static func schoolYear(_ date: LocalDate) -> String {
        let first = StaffIndicators.schoolYear(containing: date).lowerBound.year
        return "\(first)/\(String(first + 1).suffix(2))"
    }

    /// The number of the item in the address.
    static func itemID(_ context: WebContext) throws -> Int64 {
        let text = try context.parameters.require("item")
        guard let id = Int64(text) else { throw WebError.notFound("Пункт плана № «\(text)» не найден.") }
        return id
    }

    // MARK: The forms

    /// «Составить планы»: the school year and, optionally, one school.
    static func generateForm(csrf: String, schools: [SchoolOverview], values: [String: String]) -> FormView {
        FormView(
            action: "/plans/generate", title: "Составить планы",
            fields: [
                .init(
                    name: "year", label: "Учебный год", kind: .text, value: values["year"] ?? "",
                    hint:
                        "Например, 2026/27. Уже составленный план без изменений остаётся, изменённый получает новую версию.",
                    required: true),
                .init(
                    name: "school", label: "Школа",
                    kind: .select(
                        [.init(value: "", label: "все школы")]
                            + schools.map { .init(value: $0.code, label: "\($0.code) \($0.name)") }),
                    value: values["school"] ?? ""),
            ],
            hidden: [(CSRFToken.field, csrf)], submit: "Составить планы")
    }

    /// «Добавить пункт» or «Изменить пункт»: the item's form, topic, what, deadline and result.
    static func itemForm(
        action: String, title: String, submit: String, csrf: String, version: Int64, values: [String: String]
    ) -> FormView {
        FormView(
            action: action, title: title,
            fields: [
                .init(
                    name: "kind", label: "Форма",
                    kind: .select(PlanItemKind.allCases.map { .init(value: $0.russian, label: $0.russian) }),
                    value: values["kind"] ?? "", required: true),
                .init(
                    name: "topic", label: "Тема (дефицит)", kind: .text, value: values["topic"] ?? "",
                    hint: "Например, «формирующее оценивание»; можно оставить пустым."),
                .init(
                    name: "description", label: "Мероприятие", kind: .textarea, value: values["description"] ?? "",
                    required: true),
                .init(
                    name: "deadline", label: "Срок", kind: .date, value: values["deadline"] ?? "",
                    hint: "ДД.ММ.ГГГГ, в пределах учебного года плана.", required: true),
                .init(
                    name: "expected_result", label: "Ожидаемый результат", kind: .textarea,
                    value: values["expected_result"] ?? ""),
            ],
            hidden: [(CSRFToken.field, csrf), ("version", String(version))], submit: submit)
    }

    /// «Отметить пункт»: the status, its date and its evidence.
    static func markForm(plan: Int64, item: Int64, csrf: String, version: Int64, values: [String: String])
        -> FormView
    {
        FormView(
            action: "/plans/\(plan)/items/\(item)/status", title: "Отметить пункт",
            fields: [
                .init(
                    name: "status", label: "Статус",
                    kind: .select(
                        NastavnikApp.markablePlanItemStatuses.map { .init(value: $0.russian, label: $0.russian) }),
                    value: values["status"] ?? "", required: true),
                .init(
                    name: "date", label: "Дата", kind: .date, value: values["date"] ?? "",
                    hint: "ДД.ММ.ГГГГ, не позже сегодняшнего дня.", required: true),
                .init(
                    name: "evidence", label: "Подтверждение", kind: .text, value: values["evidence"] ?? "",
                    hint: "Удостоверение, справка, лист участия с номером; для «выполнено» обязательно."),
            ],
            hidden: [(CSRFToken.field, csrf), ("version", String(version))], submit: "Сохранить отметку")
    }

    /// «Удалить пункт»: nothing to fill in but the confirmation.
    static func removeForm(plan: Int64, item: Int64, csrf: String, version: Int64) -> FormView {
        FormView(
            action: "/plans/\(plan)/items/\(item)/remove", title: "Удалить пункт", fields: [],
            hidden: [(CSRFToken.field, csrf), ("version", String(version))], submit: "Удалить пункт")
    }

    // MARK: The item's page

    /// An item of a plan with, for a role that may edit plans and a current plan, its three forms
    /// (`forms` by name — "change", "status", "remove" — as a refused submission left them).
    func itemPage(
        _ planID: Int64, _ itemID: Int64, _ request: Request, _ context: WebContext, forms: [String: FormView],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.account(request)
        let plan = try await pages.readPlan(planID, request, context)
        guard let item = plan.items.first(where: { $0.id == itemID }) else {
            throw WebError.notFound("В плане № \(planID) нет пункта № \(itemID).")
        }
        var view = PageView(
            title: "Пункт № \(item.id): \(item.description)",
            subtitle: "ИППР: \(plan.fullName), \(plan.schoolYear) учебный год, версия \(plan.version)")
        view.breadcrumbs = [
            LinkView(label: "Планы", href: "/plans"),
            LinkView(label: "ИППР: \(plan.fullName)", href: "/plans/\(planID)"),
        ]
        var one = plan
        one.items = [item]
        view.blocks = [.table(TableView(PlanReports.items(one)))]
        if !plan.current {
            view.blocks.append(.note("Это прежняя версия плана: изменяется действующая."))
        } else if user.role.may(.editPlans) {
            let version = try await site.app.planVersion(id: planID)
            let csrf = context.csrf
            view.blocks += [
                .form(
                    forms["status"]
                        ?? Self.markForm(
                            plan: planID, item: itemID, csrf: csrf, version: version,
                            values: ["status": PlanItemStatus.done.russian, "date": site.today.russian])),
                .form(
                    forms["change"]
                        ?? Self.itemForm(
                            action: "/plans/\(planID)/items/\(itemID)", title: "Изменить пункт",
                            submit: "Сохранить пункт", csrf: csrf, version: version,
                            values: [
                                "kind": item.kind.russian, "topic": item.topic ?? "", "description": item.description,
                                "deadline": item.deadline?.russian ?? "", "expected_result": item.expectedResult ?? "",
                            ])),
                .form(forms["remove"] ?? Self.removeForm(plan: planID, item: itemID, csrf: csrf, version: version)),
            ]
        }
        return site.page(view, request, context, status: status)
    }

    // MARK: The actions

    /// Generates the plans of a year, or one school's (`plans generate`), in one request and one
    /// transaction; the confirmation counts what was made.
    private func generate(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try await PostedEdit.read(request, context, permission: .editPlans, back: "/plans")
        let values = ["year": posted.value("year"), "school": posted.value("school")]
        let schools = try await site.app.schools(status: nil)
        var view = Self.generateForm(csrf: context.csrf, schools: schools, values: values)
        let year = values["year"] ?? ""
        if year.isEmpty {
            view.setError(
                "Поле «Учебный год»: укажите учебный год, например \(Self.schoolYear(site.today)).", on: "year")
        } else if (try? NastavnikApp.schoolYear(year)) == nil {
            view.setError("Поле «Учебный год»: «\(year)» не распознан; укажите его как 2026/27.", on: "year")
        }
        let school = posted.optional("school")
        if let school, !schools.contains(where: { $0.code == school }) {
            view.setError("Поле «Школа»: школа с кодом «\(school)» не найдена.", on: "school")
        }
        let page = { (form: FormView, status: HTTPResponse.Status) in
            try await pages.listPage(request, context, generate: form, status: status)
        }
        guard !view.hasErrors else { return try await page(view, .unprocessableContent) }
        let writer = site.writer(for: posted.user, command: "веб: планы на \(year)")
        let confirmation: @Sendable (PlanGeneration) -> String = { result in
            "Планы на \(result.label) учебный год (\(school.map { "школа \($0)" } ?? "все школы")): "
                + "работников с планом — \(result.teachers); новых планов — \(result.created), "
                + "новых версий — \(result.revised), без изменений — \(result.unchanged); "
                + "перенесено незавершённых пунктов — \(result.carriedOverItems)."
        }
        guard school == nil else {
            // One school's plans take a moment: answered at once.
            return try await PostedEdit.save(view, page: page) {
                let result = try await writer.generatePlans(year: year, schoolCode: school, asOf: site.today)
                return site.saved(
                    confirmation(result),
                    redirectTo: URLPath.query("/plans", [("school", school), ("year", result.label)]), context)
            }
        }
        // A whole municipality's take seconds to minutes: in the background, with a page that
        // shows how far they have got (issue 20, «Long work»). Still one transaction.
        let today = site.today
        let id = site.jobs.start(
            owner: posted.user.login, title: "Составление планов на \(year) (все школы)",
            message: { error in FormSave.message(error) },
            work: { report in
                let result = try writer.generatePlansOnThisThread(year: year, asOf: today) { done, total in
                    report("записано планов работников — \(done) из \(total)")
                }
                return (
                    confirmation(result),
                    LinkView(label: "Планы на \(result.label)", href: URLPath.query("/plans", [("year", result.label)]))
                )
            })
        return Response(status: .seeOther, headers: [.location: "/jobs/\(id)"])
    }

    /// The item's fields as posted, each error beside its field; `nil` when any is wrong.
    private static func itemFields(_ posted: PostedEdit, label: String, today: LocalDate, in view: inout FormView)
        -> PlanItemFields?
    {
        let kindText = posted.value("kind")
        let kind = PlanItemKind.allCases.first { $0.russian == kindText || $0.rawValue == kindText }
        if kind == nil {
            view.setError(
                "Поле «Форма»: неизвестная форма «\(kindText)»; возможны "
                    + PlanItemKind.allCases.map(\.russian).joined(separator: ", ") + ".", on: "kind")
        }
        let description = posted.value("description")
        let deadline = posted.date("deadline", "Срок", missing: FormView.missingDate, today: today, in: &view)
        guard let deadline else {
            if let problem = PlanItemRule.descriptionProblem(description) {
                view.setError("Поле «Мероприятие»: " + problem, on: "description")
            }
            return nil
        }
        let fields = PlanItemFields(
            kind: kind ?? .selfStudy, topic: posted.optional("topic"), description: description, deadline: deadline,
            expectedResult: posted.optional("expected_result"))
        let labels = ["description": "Мероприятие", "deadline": "Срок"]
        for problem in NastavnikApp.planItemProblems(fields, label: label) {
            view.setError("Поле «\(labels[problem.field] ?? problem.field)»: " + problem.message, on: problem.field)
        }
        return view.hasErrors ? nil : fields
    }

    /// The posted item's values as typed, to keep in the form.
    private static func itemValues(_ posted: PostedEdit) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: ["kind", "topic", "description", "deadline", "expected_result"].map {
                ($0, posted.value($0))
            })
    }

    /// Reads a posted form about plan `planID` of the address: the editor, the version, the plan.
    private func posted(_ request: Request, _ context: WebContext, back: String) async throws -> (
        PostedEdit, Int64, PlanLine
    ) {
        let posted = try await PostedEdit.read(request, context, permission: .editPlans, back: back)
        let version = try posted.version()
        let plan = try await pages.readPlan(try PlanRoutes.planID(context), request, context)
        return (posted, version, plan)
    }

    /// Reads a posted form about the item of the address: the editor, the version, the plan, the item.
    private func postedItem(_ request: Request, _ context: WebContext) async throws -> (
        PostedEdit, Int64, PlanLine, Int64
    ) {
        let (planID, itemID) = (try PlanRoutes.planID(context), try Self.itemID(context))
        let (posted, version, plan) = try await posted(request, context, back: "/plans/\(planID)/items/\(itemID)")
        guard plan.items.contains(where: { $0.id == itemID }) else {
            throw WebError.notFound("В плане № \(planID) нет пункта № \(itemID).")
        }
        return (posted, version, plan, itemID)
    }

    private func addItem(_ request: Request, _ context: WebContext) async throws -> Response {
        let planID = try PlanRoutes.planID(context)
        let (posted, version, plan) = try await posted(request, context, back: "/plans/\(planID)")
        return try await saveItem(posted, version, plan, item: nil, request, context)
    }

    private func changeItem(_ request: Request, _ context: WebContext) async throws -> Response {
        let (posted, version, plan, itemID) = try await postedItem(request, context)
        return try await saveItem(posted, version, plan, item: itemID, request, context)
    }

    /// Adds an item to `plan` (`item` nil) or changes item `item` as posted; a refusal shows the
    /// form again on the plan's page or the item's.
    private func saveItem(
        _ posted: PostedEdit, _ version: Int64, _ plan: PlanLine, item: Int64?, _ request: Request,
        _ context: WebContext
    ) async throws -> Response {
        let planID = plan.id
        var view = Self.itemForm(
            action: "/plans/\(planID)/items" + (item.map { "/\($0)" } ?? ""),
            title: item == nil ? "Добавить пункт" : "Изменить пункт",
            submit: item == nil ? "Добавить пункт" : "Сохранить пункт",
            csrf: context.csrf, version: version, values: Self.itemValues(posted))
        let page = { (form: FormView, status: HTTPResponse.Status) in
            if let item {
                return try await itemPage(planID, item, request, context, forms: ["change": form], status: status)
            }
            return try await pages.planPage(planID, request, context, add: form, status: status)
        }
        guard let fields = Self.itemFields(posted, label: plan.schoolYear, today: site.today, in: &view) else {
            return try await page(view, .unprocessableContent)
        }
        return try await PostedEdit.save(view, page: page) {
            let writer = site.writer(for: posted.user, command: "веб: пункт плана \(planID)")
            let what = "«\(fields.description)», срок \(fields.deadline.russian)."
            guard let item else {
                let added = try await writer.addPlanItem(plan: planID, fields, expectedVersion: version)
                return site.saved(
                    "Пункт № \(added) добавлен в план № \(planID) (\(plan.fullName)): " + what,
                    redirectTo: "/plans/\(planID)", context)
            }
            try await writer.changePlanItem(item, fields, expectedVersion: version)
            return site.saved(
                "Пункт № \(item) плана № \(planID) изменён: " + what, redirectTo: "/plans/\(planID)/items/\(item)",
                context)
        }
    }

    private func markItem(_ request: Request, _ context: WebContext) async throws -> Response {
        let (posted, version, plan, itemID) = try await postedItem(request, context)
        let planID = plan.id
        let values = [
            "status": posted.value("status"), "date": posted.value("date"), "evidence": posted.value("evidence"),
        ]
        var view = Self.markForm(plan: planID, item: itemID, csrf: context.csrf, version: version, values: values)
        let statusText = values["status"] ?? ""
        let status = NastavnikApp.markablePlanItemStatuses.first { $0 == NastavnikApp.planItemStatus(statusText) }
        if status == nil {
            view.setError(
                "Поле «Статус»: неизвестный статус «\(statusText)»; возможны "
                    + NastavnikApp.markablePlanItemStatuses.map(\.russian).joined(separator: ", ") + ".", on: "status")
        }
        let date = posted.date("date", "Дата", missing: FormView.missingDate, today: site.today, in: &view)
        let evidence = posted.optional("evidence")
        if let status, let date {
            for problem in NastavnikApp.planMarkProblems(
                status: status, date: date, evidence: evidence, today: site.today)
            {
                view.setError(problem.message, on: problem.field)
            }
        }
        let page = { (form: FormView, status: HTTPResponse.Status) in
            try await itemPage(planID, itemID, request, context, forms: ["status": form], status: status)
        }
        guard !view.hasErrors, let status, let date else { return try await page(view, .unprocessableContent) }
        return try await PostedEdit.save(view, page: page) {
            try await site.writer(for: posted.user, command: "веб: отметка пункта плана \(itemID)").markPlanItem(
                itemID, status: status, evidence: evidence, date: date, expectedVersion: version)
            return site.saved(
                "Сохранено: пункт № \(itemID) плана № \(planID) — «\(status.russian)» на \(date.russian)"
                    + (evidence.map { ", подтверждение: \($0)" } ?? "") + ".",
                redirectTo: "/plans/\(planID)", context)
        }
    }

    private func removeItem(_ request: Request, _ context: WebContext) async throws -> Response {
        let (posted, version, plan, itemID) = try await postedItem(request, context)
        let planID = plan.id
        let view = Self.removeForm(plan: planID, item: itemID, csrf: context.csrf, version: version)
        let page = { (form: FormView, status: HTTPResponse.Status) in
            try await itemPage(planID, itemID, request, context, forms: ["remove": form], status: status)
        }
        return try await PostedEdit.save(view, page: page) {
            let description = try await site.writer(for: posted.user, command: "веб: пункт плана \(planID)")
                .removePlanItem(itemID, expectedVersion: version)
            return site.saved(
                "Пункт № \(itemID) «\(description)» удалён из плана № \(planID) (\(plan.fullName)).",
                redirectTo: "/plans/\(planID)", context)
        }
    }
}
