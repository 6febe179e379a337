import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikRegion
import NastavnikReports

/// The region's dashboard (issue 22), read-only, when the server was started with `--region`:
/// which municipalities pushed when, and the region's report as `nastavnik region report` writes
/// it, with its downloads. Every role that reads everything sees it; a school's account, which
/// sees only its own school, does not.
struct RegionRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("region") { request, context in try await dashboard(request, context) }
    }

    private func dashboard(_ request: Request, _ context: WebContext) async throws -> Response {
        // The role is checked before the address: a school's account is refused the same with or without a region.
        let user = try context.require(.readAll, request)
        guard let url = site.region else {
            throw WebError.notFound(
                "Региональная база не подключена: запустите веб-интерфейс с параметром --region postgres://….")
        }
        let query = PageQuery(request)
        let format = query.text("format") == nil ? nil : try Download.documentFormat(request)
        let dateText = query.text("date")
        let date = try query.date("date") ?? site.today
        let pseudonymized = try await site.reading(for: user).pseudonymized
        // A refusal of the regional server is a `RegionError` in Russian without the password:
        // `ErrorPageMiddleware` answers it with 503.
        if let format {
            return try Download.report(
                try await site.app.regionReport(url, asOf: date, pseudonymized: pseudonymized), format: format,
                file: "Отчёт региона \(date.iso)")
        }
        async let status = NastavnikApp.regionStatus(url)
        async let report = site.app.regionReport(url, asOf: date, pseudonymized: pseudonymized)
        let (lines, built) = try await (status, report)
        var view = PageView(title: "Регион", subtitle: "Региональная база \(url), на \(date.russian)")
        view.blocks =
            [
                .filter(
                    FilterForm(
                        action: "/region",
                        fields: [.text("date", "На дату", value: dateText, hint: "ДД.ММ.ГГГГ; пусто — сегодня")])),
                .table(TableView(RegionTables.status(lines))),
            ] + ReportView.blocks(built)
        view.downloads = Download.links(URLPath.query("/region", [("date", dateText)]))
        return site.page(view, request, context)
    }
}
