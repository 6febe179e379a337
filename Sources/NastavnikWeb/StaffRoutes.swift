import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The staff: the search with its filters, paged on the server (fast on a country's million
/// people), and a person's card.
struct StaffRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("staff") { request, context in try await list(request, context) }
        router.get("staff/:id") { request, context in try await card(request, context) }
    }

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.account(request)
        // A school's account sees its own school's staff only, whatever the address asks.
        let scope = try context.schoolScope(request)
        let format = try Download.listFormat(request)
        let query = PageQuery(request)
        let search = query.text("q")
        var kind: PositionKind?
        if let text = query.text("kind") {
            guard let value = PositionKind(userValue: text) else {
                throw WebError.badRequest(
                    "Параметр kind: неизвестный вид должности «\(text)»; возможны "
                        + PositionKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            kind = value
        }
        let byName = query.text("order") == "name"
        let staffQuery = StaffQuery(
            text: search, schoolCode: scope ?? query.text("school"), overdue: try query.flag("overdue"),
            deficit: query.text("deficit"), earlyCareer: try query.flag("early"), kind: kind,
            order: byName ? .name : .schoolAndName, page: try query.page(),
            pageSize: try query.integer("page-size", in: 1...StaffQuery.maximumPageSize) ?? StaffQuery.defaultPageSize)
        let (app, _) = try await site.reading(for: user)
        let page: StaffPage
        do {
            page = try await app.staffPage(query: staffQuery, asOf: site.today, schoolScope: scope)
        } catch let error as AppError {
            throw WebError.badRequest(error.message)
        }
        var table = StaffTables.page(page)
        if format != .page { return try Download.list([table], format: format, title: "Работники", file: "Работники") }
        // The list's address with its filters, for the downloads and the pager.
        let filters: [(String, String?)] = [
            ("q", search), ("school", scope == nil ? query.text("school") : nil),
            ("overdue", staffQuery.overdue ? "1" : nil), ("deficit", staffQuery.deficit),
            ("early", staffQuery.earlyCareer ? "1" : nil), ("kind", kind?.rawValue), ("order", byName ? "name" : nil),
            ("page-size", query.text("page-size")),
        ]
        let at = { (number: Int) in URLPath.query("/staff", filters + [("page", number > 1 ? String(number) : nil)]) }
        var view = PageView(title: scope == nil ? "Работники" : "Работники школы")
        var fields: [FilterForm.Field] = [
            .text("q", "ФИО, табельный номер или СНИЛС", value: search, hint: "Начало фамилии, имени или отчества")
        ]
        if scope == nil {
            fields.append(.text("school", "Код ОО", value: query.text("school")))
        }
        fields += [
            .text("deficit", "Дефицит (тема диагностики)", value: staffQuery.deficit),
            .select(
                "kind", "Вид должности", value: kind?.rawValue,
                choices: [("", "все")] + PositionKind.allCases.map { ($0.rawValue, $0.russian) }),
            .select("order", "Порядок", value: byName ? "name" : "", choices: [("", "по школам"), ("name", "по ФИО")]),
            .checkbox("overdue", "Срок КПК истёк", checked: staffQuery.overdue),
            .checkbox("early", "Молодые специалисты", checked: staffQuery.earlyCareer),
        ]
        let summary = table.title
        table.title = ""
        view.blocks = [
            .filter(FilterForm(action: "/staff", fields: fields, submit: "Найти")),
            .table(
                TableView(
                    table,
                    links: [
                        "staff_id": Self.personLink(column: 0), "full_name": Self.personLink(column: 0),
                        "school_code": { row in "/schools/" + URLPath.segment(row[2].display) },
                    ], downloadBase: at(page.page))),
            .pager(
                PagerView(
                    summary: summary, previous: page.page > 1 ? at(page.page - 1) : nil,
                    next: page.hasNextPage ? at(page.page + 1) : nil)),
        ]
        return site.page(view, request, context)
    }

    /// The card of the person whose personnel number a row's `staff_id` column holds.
    static func personLink(column: Int) -> ([Cell]) -> String? {
        { row in
            let id = row[column].display
            return id.isEmpty ? nil : "/staff/" + URLPath.segment(id)
        }
    }

    private func card(_ request: Request, _ context: WebContext) async throws -> Response {
        try await cardPage(id: try context.parameters.require("id"), request, context, trainingForms: nil)
    }

    /// The person's card with, for an account that may record trainings, the training forms:
    /// `trainingForms` as a refused save left them, else blank (`TrainingFormRoutes`).
    func cardPage(
        id: String, _ request: Request, _ context: WebContext, trainingForms: TrainingFormRoutes.Forms?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.account(request)
        let (app, pseudonymized) = try await site.reading(for: user)
        let person = try await app.personCard(staffID: id, asOf: site.today)
        let member = person.view.card.member
        // A school's account reaches only its own school's people, whatever id the address names.
        try context.requireSchool(member.schoolCode, request)
        let builder = StaffCardBuilder(view: person.view, pseudonymize: pseudonymized)
        let planTables = person.plans.map { plan -> ReportTable in
            var table = PlanReports.items(plan)
            table.title = "План на \(plan.schoolYear) уч. год (версия \(plan.version))"
            return table
        }
        let observations = ObservationTables.list(person.observations)
        let tables = [builder.trainings(), builder.diagnostics()] + planTables + [observations]
        let format = try Download.listFormat(request)
        if format != .page {
            let fields = ReportTable(
                title: "Карточка работника", columns: [Column("field", "Поле"), Column("value", "Значение")],
                rows: builder.fields().map { [.text($0.1), $0.2] })
            return try Download.list(
                [fields] + tables, format: format, title: "Карточка работника", file: "Работник \(id)")
        }
        var view = PageView(title: member.fullName, subtitle: "\(member.position), \(person.view.card.schoolName)")
        view.breadcrumbs =
            user.role.may(.readAll)
            ? [LinkView(label: "Работники", href: "/staff")]
            : [LinkView(label: "Работники школы", href: "/staff")]
        view.downloads = [
            LinkView(label: "XLSX", href: "/staff/\(URLPath.segment(id))?format=xlsx"),
            LinkView(label: "CSV", href: "/staff/\(URLPath.segment(id))?format=csv"),
        ]
        let school: (Cell) -> String? = { _ in "/schools/" + URLPath.segment(member.schoolCode) }
        view.blocks = [.card(CardView(builder.card(), links: ["school_code": school, "school_name": school]))]
        view.blocks.append(.heading("Аттестация"))
        view.blocks.append(.paragraph(Self.attestationText(person.attestation, asOf: site.today)))
        view.blocks.append(.heading("Повышение квалификации"))
        view.blocks.append(.table(TableView(untitled(builder.trainings()))))
        if user.role.may(.editTraining) {
            view.blocks += try await TrainingFormRoutes(site: site).blocks(staff: id, forms: trainingForms, context)
        }
        view.blocks.append(.heading("Диагностика профессиональных дефицитов"))
        view.blocks.append(.table(TableView(untitled(builder.diagnostics()))))
        view.blocks.append(.heading("Индивидуальный план профессионального развития"))
        if person.plans.isEmpty {
            view.blocks.append(.note("Плана нет."))
        }
        for (plan, table) in zip(person.plans, planTables) {
            view.blocks.append(.table(TableView(table)))
            view.blocks.append(.links([LinkView(label: "Открыть план № \(plan.id)", href: "/plans/\(plan.id)")]))
        }
        view.blocks.append(.heading("Посещённые уроки"))
        view.blocks.append(.table(TableView(observations)))
        return site.page(view, request, context, status: status)
    }

    private func untitled(_ table: ReportTable) -> ReportTable {
        var table = table
        table.title = ""
        return table
    }

    /// «Аттестация на соответствие занимаемой должности — до 01.09.2027» and the like.
    static func attestationText(_ listing: Attestation.Listing?, asOf date: LocalDate) -> String {
        guard let listing else {
            return "В ближайшие \(Attestation.fitnessPeriodYears) лет аттестация не предстоит."
        }
        guard let due = listing.due else { return "\(listing.what): срок не установлен — аттестация нужна." }
        return "\(listing.what): до \(due.russian)" + (listing.isOverdue(asOf: date) ? " (срок прошёл)." : ".")
    }
}
