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
        // The roadmap's target indicators of the year asked (issue #21): baseline, target, actual, on track.
        let yearText = query.text("year")
        var targetTable: ReportTable?
        if let year = try query.integer("year", in: 1990...2200) {
            let names = Dictionary(schools.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            targetTable = IndicatorTables.report(
                try await app.indicatorReport(year: year, schoolCode: code), year: year, schoolNames: names)
        }
        if format != .page {
            return try Download.list(
                [figures, bySchool] + (targetTable.map { [$0] } ?? []), format: format, title: "Показатели",
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
                        .text(
                            "year", "Год целевых показателей", value: yearText,
                            hint: "ГГГГ — план и факт целевых показателей дорожной карты за год"),
                    ])),
            .table(TableView(figures)),
        ]
        if let targetTable {
            view.blocks.append(.table(TableView(targetTable)))
        }
        if code == nil { view.blocks += indicators.coverageCharts().map { .chart(ChartView($0)) } }
        view.blocks.append(
            .table(
                TableView(
                    bySchool, links: ["school_code": SchoolRoutes.schoolLink, "school": SchoolRoutes.schoolLink],
                    downloadBase: URLPath.query("/indicators", [("school", code), ("date", dateText)]))))
        return site.page(view, request, context)
    }
}
