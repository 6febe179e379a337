import Hummingbird
import NastavnikCore
import NastavnikReports

/// The staff indicators (Заиграевский 3.1, 3.2; coverage, Ставрополь 2.1, 2.7) of the
/// municipality or one school, as `indicators` prints them, with the report's coverage charts.
struct IndicatorRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("indicators") { request, context in try await indicators(request, context) }
    }

    private func indicators(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let date = try query.date("date") ?? site.today
        let code = query.text("school")
        let dateText = query.text("date")
        let schools = try await app.schools(status: nil)
        if let code, !schools.contains(where: { $0.code == code }) {
            throw WebError.badRequest("Параметр school: школа с кодом «\(code)» не найдена.")
        }
        let indicators = try await app.staffIndicators(asOf: date, schoolCode: code)
        let bySchool = indicators.table(includeTotal: code == nil)
        let figures = indicators.figuresTable()
        if format != .page {
            return try Download.list(
                [figures, bySchool], format: format, title: "Показатели",
                file: "Показатели" + (code.map { " \($0)" } ?? ""))
        }
        let name = code.flatMap { code in schools.first { $0.code == code }?.name }
        var view = PageView(
            title: "Целевые показатели по кадрам",
            subtitle: [name ?? "Муниципалитет", "на \(date.russian)"].joined(separator: ", "))
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/indicators",
                    fields: [
                        .select(
                            "school", "Школа", value: code,
                            choices: [("", "весь муниципалитет")] + schools.map { ($0.code, "\($0.code) \($0.name)") }),
                        .text("date", "На дату", value: dateText, hint: "ДД.ММ.ГГГГ; пусто — сегодня"),
                    ])),
            .table(TableView(figures)),
        ]
        if code == nil { view.blocks += indicators.coverageCharts().map { .chart(ChartView($0)) } }
        view.blocks.append(
            .table(
                TableView(
                    bySchool, links: ["school_code": SchoolRoutes.schoolLink, "school": SchoolRoutes.schoolLink],
                    downloadBase: URLPath.query("/indicators", [("school", code), ("date", dateText)]))))
        return site.page(view, request, context)
    }
}
