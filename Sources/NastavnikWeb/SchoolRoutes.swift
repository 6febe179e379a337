import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// The schools' list (filter by status, search) and a school's card.
struct SchoolRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("schools") { request, context in try await list(request, context) }
        router.get("schools/:code") { request, context in try await card(request, context, form: nil) }
        router.post("schools/:code/statuses") { request, context in try await setStatuses(request, context) }
    }

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let query = PageQuery(request)
        let statusText = query.text("status")
        var status: SchoolStatus?
        let withoutStatus = statusText == Self.withoutStatus
        if let statusText, !withoutStatus {
            guard let value = SchoolStatus(russian: statusText) else {
                throw WebError.badRequest(
                    "Параметр status: неизвестный статус «\(statusText)»; возможны НОР, ЗПР, ЗУР, ШНСУ, эффективная, "
                        + "\(Self.withoutStatus).")
            }
            status = value
        }
        let search = query.text("q") ?? ""
        let schools = try await app.schools(status: status, matching: search).filter {
            !withoutStatus || $0.statuses.isEmpty
        }
        let table = SchoolTables.list(schools)
        if format != .page { return try Download.list([table], format: format, title: "Школы", file: "Школы") }
        var view = PageView(title: "Школы")
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/schools",
                    fields: [
                        .text("q", "Поиск по коду или наименованию", value: search),
                        .select(
                            "status", "Статус", value: statusText,
                            choices: [("", "все")] + SchoolStatus.allCases.map { ($0.russianShort, $0.russianShort) }
                                + [(Self.withoutStatus, Self.withoutStatus)]),
                    ])),
            .table(
                TableView(
                    table, links: ["code": Self.schoolLink, "name": Self.schoolLink],
                    downloadBase: URLPath.query("/schools", [("q", search), ("status", statusText)]))),
        ]
        return site.page(view, request, context)
    }

    /// The `status` filter's value for the schools without an official status.
    static let withoutStatus = "без статуса"

    /// The card of the school whose code is a row's first cell.
    static func schoolLink(_ row: [Cell]) -> String? { RecordLinks.school(column: 0)(row) }

    /// The card; for an account that may edit schools, with the form of its official statuses
    /// (`form` as a refused save left it, else the statuses in force).
    private func card(
        _ request: Request, _ context: WebContext, form: FormView?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let code = try context.parameters.require("code")
        let user = try context.requireSchool(code, request)
        let (app, pseudonymized) = try await site.reading(for: user)
        let today = site.today
        // Kept until the data changes or the day turns, as the dashboard is.
        let page = try await site.schoolPages.value(
            "\(code) \(today.iso) \(pseudonymized)", stamp: try await app.changeStamp()
        ) { try await app.schoolPage(code: code, asOf: today) }
        let tables: [(String, ReportTable)] = [
            ("Статус и его история", SchoolPageTables.statusHistory(page)),
            ("Работники по видам должностей", SchoolPageTables.staffByKind(page)),
            ("По квалификационным категориям", SchoolPageTables.staffByCategory(page)),
            ("По педагогическому стажу", SchoolPageTables.staffByExperience(page)),
            ("Дефициты по темам", SchoolPageTables.deficits(page)),
            ("Планы профессионального развития", SchoolPageTables.plans(page)),
            ("Наставничество", SchoolPageTables.mentoring(page)),
            ("Сроки дорожной карты школы", SchoolPageTables.roadmap(page)),
            ("Сроки муниципальной дорожной карты для руководителей ОО", SchoolPageTables.concerning(page)),
            // Issue 21: the school's anti-risk programmes and development documents.
            ("Антирисковые программы", ProgrammeTables.programmes(page.programmes)),
            ("Документы развития школы", ProgrammeTables.documents(page.documents)),
        ]
        let format = try Download.listFormat(request)
        if format != .page {
            let card = SchoolPageTables.card(page)
            let fields = ReportTable(
                title: "Карточка школы", columns: [Column("field", "Поле"), Column("value", "Значение")],
                rows: card.fields.map { [.text($0.1), $0.2] })
            return try Download.list(
                [fields]
                    + tables.map { name, table in
                        var table = table
                        if table.title.isEmpty { table.title = name }
                        return table
                    }, format: format, title: "Школа \(code)", file: "Школа \(code)")
        }
        let school = page.detail.school
        var view = PageView(title: school.name, subtitle: "Код ОО \(school.code) · на \(site.today.russian)")
        if user.role.may(.readAll) { view.breadcrumbs = [LinkView(label: "Школы", href: "/schools")] }
        let base = "/schools/" + URLPath.segment(code)
        view.downloads = [
            LinkView(label: "XLSX", href: base + "?format=xlsx"), LinkView(label: "CSV", href: base + "?format=csv"),
        ]
        let curator: (Cell) -> String? = { _ in
            page.detail.curatedBy.first.map { "/schools/" + URLPath.segment($0.curatorSchoolCode) }
        }
        view.blocks = [
            .card(CardView(SchoolPageTables.card(page), links: ["curated_by": curator])),
            .figures(page.figures.map(DashboardLinks.tile)),
            .links([LinkView(label: "Работники школы", href: URLPath.query("/staff", [("school", code)]))]),
        ]
        for (name, table) in tables {
            var table = table
            table.title = ""
            view.blocks.append(.heading(name))
            view.blocks.append(.table(TableView(table, links: Self.links(for: table))))
        }
        // The «500+» risk profile (issue 21): the latest year's levels and the years' dynamics.
        let risks = try await app.schoolRiskProfile(schoolCode: code)
        if let year = risks.map(\.year).max() {
            view.blocks.append(.heading("Рисковый профиль («500+») \(year) года"))
            view.blocks.append(.table(TableView(RiskTables.profile(risks.filter { $0.year == year }))))
            view.blocks.append(.table(TableView(RiskTables.dynamics(risks))))
        }
        if let form {
            view.blocks.append(.form(form))
        } else if user.role.may(.editSchools) {
            view.blocks.append(
                .form(
                    Self.statusForm(
                        code: code, csrf: context.csrf,
                        version: String(try await site.app.schoolStatusVersion(code: code)),
                        statuses: Set(page.detail.school.statuses), order: ("", site.today.russian))))
        }
        view.blocks.append(.heading("Диаграммы"))
        view.blocks += SchoolPageTables.charts(page).map { .chart(ChartView($0)) }
        return site.page(view, request, context, status: status)
    }

    /// The form «Официальные статусы»: a box per status, and the order that sets them.
    static func statusForm(
        code: String, csrf: String, version: String, statuses: Set<SchoolStatus>,
        order: (number: String, date: String)
    ) -> FormView {
        FormView(
            action: "/schools/\(URLPath.segment(code))/statuses", title: "Официальные статусы",
            fields: SchoolStatus.allCases.sorted().map {
                .init(
                    name: "status-" + $0.rawValue, label: "\($0.russianShort) — \($0.russianTitle)", kind: .checkbox,
                    value: statuses.contains($0) ? "1" : "")
            } + [
                .init(
                    name: "order_number", label: "Номер приказа", kind: .text, value: order.number,
                    hint: "Приказ управления, которым статусы установлены, например 45.", required: true),
                .init(
                    name: "order_date", label: "Дата приказа", kind: .date, value: order.date,
                    hint: "ДД.ММ.ГГГГ, не позже сегодняшнего дня.", required: true),
            ],
            hidden: [(CSRFToken.field, csrf), ("version", version)], submit: "Сохранить статусы")
    }

    /// Sets the school's official statuses as the form says, under the user's name.
    private func setStatuses(_ request: Request, _ context: WebContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard let user = context.user else { throw WebError.loginRequired(next: "/schools/" + URLPath.segment(code)) }
        let form = try await context.postedForm(request)
        try context.require(.editSchools, request)
        guard try await site.app.schools(status: nil).contains(where: { $0.code == code }) else {
            throw WebError.notFound("Школа с кодом «\(code)» не найдена.")
        }
        let value = { (name: String) in (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let versionText = value("version")
        guard let version = Int64(versionText) else {
            throw WebError.badRequest(
                "Поле version: «\(versionText)» — не версия записи; откройте карточку школы заново.")
        }
        let statuses = SchoolStatus.allCases.filter { value("status-" + $0.rawValue) == "1" }.sorted()
        let (number, dateText) = (value("order_number"), value("order_date"))
        var view = Self.statusForm(
            code: code, csrf: context.csrf, version: versionText, statuses: Set(statuses), order: (number, dateText))
        let date = view.date(
            dateText, field: "order_date", label: "Дата приказа", missing: "укажите дату, ДД.ММ.ГГГГ.",
            today: site.today)
        for problem in NastavnikApp.officialStatusProblems(
            statuses: statuses, orderNumber: number, orderDate: date ?? site.today, today: site.today)
        {
            view.setError(problem.message, on: problem.field)
        }
        let render = { (form: FormView, status: HTTPResponse.Status) in
            try await card(request, context, form: form, status: status)
        }
        guard !view.hasErrors, let date else { return try await render(view, .unprocessableContent) }
        let order = OfficialStatusRule.orderText(number: number, date: date)
        return try await FormSave.run(view, render: render) {
            let old = try await site.writer(for: user, command: "веб: статусы школы \(code), \(order)")
                .setOfficialStatuses(
                    schoolCode: code, statuses: statuses, orderNumber: number, orderDate: date, today: site.today,
                    expectedVersion: version)
            let names = { (list: [SchoolStatus]) in
                list.isEmpty ? "без статуса" : list.map(\.russianShort).joined(separator: ", ")
            }
            return site.saved(
                "Статусы школы \(code) записаны: \(names(old)) → \(names(statuses)) (\(order)).",
                redirectTo: "/schools/" + URLPath.segment(code), context)
        }
    }

    /// Links from a table's cells to the records they name: people by personnel number, terms by id.
    static func links(for table: ReportTable) -> [String: ([Cell]) -> String?] {
        var links: [String: ([Cell]) -> String?] = [:]
        if let i = table.columns.firstIndex(where: { $0.key == "staff_id" }) {
            links["staff_id"] = StaffRoutes.personLink(column: i)
        }
        if table.columns.first?.key == "id", table.columns.contains(where: { $0.key == "activity" }) {
            links["id"] = DashboardRoutes.occurrenceLink
        }
        return links
    }
}
