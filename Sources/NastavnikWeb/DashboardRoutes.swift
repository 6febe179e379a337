import Hummingbird
import NastavnikCore
import NastavnikReports

/// The municipality at a glance (a school's account is taken to its school's card): every figure
/// a link to the list behind it, the charts of the printed reports.
struct DashboardRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("/") { request, context in try await dashboard(request, context) }
    }

    private func dashboard(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.account(request)
        guard user.role.may(.readAll) else {
            guard let code = user.schoolCode else { throw WebError.forbidden }
            return redirect(to: "/schools/" + URLPath.segment(code))
        }
        let (app, pseudonymized) = try await site.reading(for: user)
        let today = site.today
        // A second on a country's database: kept until the data changes or the day turns.
        let dashboard = try await site.cache.value(
            "dashboard \(today.iso) \(pseudonymized)", stamp: try await app.changeStamp()
        ) { try await app.dashboard(asOf: today) }
        let format = try Download.listFormat(request)
        if format != .page {
            return try Download.list(DashboardTables.all(dashboard), format: format, title: "Обзор", file: "Обзор")
        }
        let charts = DashboardCharts.all(dashboard)
        var view = PageView(title: "Обзор муниципалитета", subtitle: "На \(today.russian)")
        view.downloads = [LinkView(label: "XLSX", href: "/?format=xlsx"), LinkView(label: "CSV", href: "/?format=csv")]
        let tiles = { (figures: [DashboardFigure]) in Block.figures(figures.map(DashboardLinks.tile)) }
        view.blocks = [
            .heading("Школы"), tiles([dashboard.schools] + dashboard.schoolsByStatus),
            .heading("Повышение квалификации за 3 года"), tiles([dashboard.trained, dashboard.overdue]),
            .heading("Больше всего не прошедших КПК"), tiles(dashboard.overdueBySchool),
            .heading("Диагностика профессиональных дефицитов"),
            tiles([dashboard.diagnosed] + dashboard.thresholdShares + dashboard.diagnosedAbove),
            .heading("Частые дефициты"), tiles(dashboard.topDeficits),
            .heading("Дорожная карта"), tiles([dashboard.overdueTerms, dashboard.dueSoon]),
            .table(
                TableView(
                    RoadmapTables.occurrences(
                        dashboard.firstOverdue, title: "Просроченные сроки", emptyMessage: "Просроченных сроков нет."),
                    links: ["id": Self.occurrenceLink, "activity": Self.occurrenceLink])),
            .table(
                TableView(
                    RoadmapTables.occurrences(
                        dashboard.nextTerms, title: "Ближайшие 30 дней", emptyMessage: "В ближайшие 30 дней сроков нет."
                    ),
                    links: ["id": Self.occurrenceLink, "activity": Self.occurrenceLink])),
            .heading(
                "Охват семинарами в \(dashboard.schoolYear.lowerBound.year)/\(dashboard.schoolYear.upperBound.year) уч. году"
            ),
            tiles(dashboard.coverage),
            .heading("Диаграммы"),
        ]
        view.blocks += charts.map { .chart(ChartView($0)) }
        return site.page(view, request, context)
    }

    /// The page of the term whose id is a row's first cell.
    static func occurrenceLink(_ row: [Cell]) -> String? { "/roadmap/occurrences/" + row[0].display }
}
