import Hummingbird
import NastavnikCore
import NastavnikReports

/// The schools' list (filter by status, search) and a school's card.
struct SchoolRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("schools") { request, context in try await list(request, context) }
        router.get("schools/:code") { request, context in try await card(request, context) }
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

    private func card(_ request: Request, _ context: WebContext) async throws -> Response {
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
        view.blocks.append(.heading("Диаграммы"))
        view.blocks += SchoolPageTables.charts(page).map { .chart(ChartView($0)) }
        return site.page(view, request, context)
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
