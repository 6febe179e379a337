import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// The staff: a person's card (the search and the list come with the staff page read model).
struct StaffRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("staff/:id") { request, context in try await card(request, context) }
    }

    /// The card of the person whose personnel number a row's `staff_id` column holds.
    static func personLink(column: Int) -> ([Cell]) -> String? {
        { row in
            let id = row[column].display
            return id.isEmpty ? nil : "/staff/" + URLPath.segment(id)
        }
    }

    private func card(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
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
        return site.page(view, request, context)
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
