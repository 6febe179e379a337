import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The development plans (ИППР/ИОМ): the list with its filters, one plan with its items, and the
/// printed plans of a plan or a school, as `nastavnik plans list|show|export` make them. A
/// school's account sees its own school's plans only. The forms that change plans are
/// `PlanActionRoutes`'; their pages show them here to the roles that may edit plans.
struct PlanRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("plans") { request, context in try await list(request, context) }
        router.get("plans/print") { request, context in try await printed(request, context) }
        router.get("plans/:id") { request, context in try await plan(request, context) }
        PlanActionRoutes(site: site, pages: self).add(to: router)
    }

    /// What the list's and the printed plans' parameters select.
    private struct Selection {
        var school: String?
        var year: (text: String, label: String)?
        var history: Bool
        /// The schools the school select offers.
        var schools: [SchoolOverview]
    }

    /// The `school`, `year` and `versions` parameters, a school's account confined to its school
    /// (another school's code is a 403).
    private func selection(_ request: Request, _ context: WebContext, _ app: NastavnikApp) async throws -> Selection {
        let query = PageQuery(request)
        let scope = try context.schoolScope(request)
        var schools = try await app.schools(status: nil)
        if let scope { schools = schools.filter { $0.code == scope } }
        var school: String?
        if let scope {
            if let asked = query.text("school"), asked != scope { throw WebError.forbidden }
            school = scope
        } else {
            school = try query.school(among: schools)
        }
        var year: (text: String, label: String)?
        if let text = query.text("year") {
            guard let parsed = try? NastavnikApp.schoolYear(text) else {
                throw WebError.badRequest("Параметр year: учебный год «\(text)» не распознан; укажите его как 2026/27.")
            }
            year = (text, parsed.label)
        }
        var history = false
        if let versions = query.text("versions") {
            guard ["current", "all"].contains(versions) else {
                throw WebError.badRequest(
                    "Параметр versions: «\(versions)» — возможны current (действующие версии) и all (все версии).")
            }
            history = versions == "all"
        }
        return Selection(school: school, year: year, history: history, schools: schools)
    }

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        try await listPage(request, context, generate: nil)
    }

    /// The list and, for a role that may edit plans, the form «Составить планы»: `generate` as a
    /// refused submission left it, else a blank one.
    func listPage(
        _ request: Request, _ context: WebContext, generate: FormView?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.account(request)
        let format = try Download.listFormat(request)
        let app = try await site.app(for: user)
        let selection = try await self.selection(request, context, app)
        let plans = try await app.plans(
            schoolCode: selection.school, year: selection.year?.text, history: selection.history)
        let table = PlanReports.list(plans)
        if format != .page { return try Download.list([table], format: format, title: "Планы", file: "Планы") }
        let filters: [(String, String?)] = [
            ("school", user.role.may(.readAll) ? selection.school : nil), ("year", selection.year?.text),
            ("versions", selection.history ? "all" : nil),
        ]
        var view = PageView(title: "Индивидуальные планы профессионального развития")
        var fields: [FilterForm.Field] = []
        if user.role.may(.readAll) {
            fields.append(
                .select(
                    "school", "Школа", value: selection.school,
                    choices: PageQuery.schoolChoices(selection.schools)))
        } else if let school = selection.schools.first {
            view.subtitle = "\(school.code) \(school.name)"
        }
        fields += [
            .text("year", "Учебный год", value: selection.year?.text, hint: "например, 2026/27"),
            .select(
                "versions", "Версии", value: selection.history ? "all" : "",
                choices: [("", "действующие"), ("all", "все, с прежними")]),
        ]
        var links = RecordLinks.standard(table, people: ["full_name": "staff_id"])
        links["id"] = { row in "/plans/" + URLPath.segment(row[0].display) }
        view.blocks = [
            .filter(FilterForm(action: "/plans", fields: fields)),
            .table(TableView(table, links: links, downloadBase: URLPath.query("/plans", filters))),
            .heading("Печатные планы"),
            .paragraph("Планы списка для печати: по одному на педагога, каждый с новой страницы."),
        ]
        view.downloads = Download.links(URLPath.query("/plans/print", filters.filter { $0.0 != "versions" }))
        if let form = generate {
            view.blocks.insert(.form(form), at: 0)
        } else if user.role.may(.editPlans) {
            view.blocks.insert(
                .form(
                    PlanActionRoutes.generateForm(
                        csrf: context.csrf, schools: selection.schools,
                        values: ["year": selection.year?.text ?? PlanActionRoutes.schoolYear(site.today)])), at: 0)
        }
        return site.page(view, request, context, status: status)
    }

    /// The printed plans of the list's school and year (`plans export`), as HTML, XLSX, DOCX or Markdown.
    private func printed(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.account(request)
        let format = try Download.documentFormat(request)
        let app = try await site.app(for: user)
        let selection = try await self.selection(request, context, app)
        let plans = try await app.plans(schoolCode: selection.school, year: selection.year?.text)
        let report = PlanReports.printed(plans, label: selection.year?.label, school: selection.school)
        let name = ["Планы", selection.school, selection.year?.label.replacingOccurrences(of: "/", with: "-")]
            .compactMap { $0 }.joined(separator: " ")
        return try Download.report(report, format: format, file: name, pageBreaks: true)
    }

    /// The number of the plan in the address.
    static func planID(_ context: WebContext) throws -> Int64 {
        let id = try context.parameters.require("id")
        guard let number = Int64(id) else { throw WebError.notFound("План «\(id)» не найден: укажите номер плана.") }
        return number
    }

    /// Plan `id` as `user` may read it: another school's plan is a 403 for a school's account.
    func readPlan(_ id: Int64, _ request: Request, _ context: WebContext) async throws -> PlanLine {
        let user = try context.account(request)
        let scope = try context.schoolScope(request)
        let app = try await site.app(for: user)
        let plan: PlanLine
        do { plan = try await app.plan(String(id)) } catch let error as AppError {
            throw WebError.notFound(error.message)
        }
        if let scope, plan.schoolCode != scope { throw WebError.forbidden }
        return plan
    }

    private func plan(_ request: Request, _ context: WebContext) async throws -> Response {
        try await planPage(try Self.planID(context), request, context, add: nil)
    }

    /// One plan with its items; with `format`, the printed plan. For a role that may edit plans,
    /// a current plan's items link to their forms, and the form «Добавить пункт» follows: `add`
    /// as a refused submission left it, else a blank one.
    func planPage(
        _ number: Int64, _ request: Request, _ context: WebContext, add: FormView?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.account(request)
        let id = String(number)
        let plan = try await readPlan(number, request, context)
        if PageQuery(request).text("format") != nil {
            let format = try Download.documentFormat(request)
            return try Download.report(
                PlanReports.printed([plan], label: plan.schoolYear, school: plan.schoolCode), format: format,
                file: "План \(plan.id)", pageBreaks: true)
        }
        var view = PageView(
            title: "ИППР: \(plan.fullName)",
            subtitle: "\(plan.schoolYear) учебный год, версия \(plan.version)" + (plan.current ? "" : " (прежняя)"))
        view.breadcrumbs = [LinkView(label: "Планы", href: "/plans")]
        view.blocks = [
            .links(
                [
                    plan.staffID.map {
                        LinkView(label: "Карточка педагога: \(plan.fullName)", href: "/staff/" + URLPath.segment($0))
                    },
                    LinkView(
                        label: "Школа: \(plan.schoolCode) \(plan.schoolName)",
                        href: "/schools/" + URLPath.segment(plan.schoolCode)),
                ].compactMap { $0 })
        ]
        let editable = user.role.may(.editPlans) && plan.current
        view.blocks.append(
            .table(
                TableView(
                    PlanReports.show(plan),
                    links: editable ? ["item": { "/plans/\(number)/items/" + URLPath.segment($0[0].display) }] : [:])))
        if let add {
            view.blocks.append(.form(add))
        } else if editable {
            view.blocks.append(.paragraph("Номер пункта открывает его: изменить, отметить выполнение, удалить."))
            let version = try await site.app.planVersion(id: number)
            view.blocks.append(
                .form(
                    PlanActionRoutes.itemForm(
                        action: "/plans/\(number)/items", title: "Добавить пункт", submit: "Добавить пункт",
                        csrf: context.csrf, version: version, values: ["kind": PlanItemKind.selfStudy.russian])))
        }
        view.downloads = Download.links("/plans/" + URLPath.segment(id))
        return site.page(view, request, context, status: status)
    }
}
