import Hummingbird
import NastavnikCore
import NastavnikReports

/// The «500+» risk profiles (issue 21) as `risks list` prints them: the matrix of schools ×
/// factors with its counts per factor, of a year and a level. Read-only.
struct RiskRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("risks") { request, context in try await risks(request, context) }
    }

    private func risks(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let year = try query.integer("year", in: 1990...2200)
        let levelText = query.text("level")
        var level: RiskLevel?
        if let levelText {
            guard let value = RiskLevel(userValue: levelText) else {
                throw WebError.badRequest("Параметр level: " + RiskLevel.unknown(levelText))
            }
            level = value
        }
        let lines = try await app.riskProfiles(year: year, level: level)
        let matrix = RiskTables.matrix(lines)
        let counts = RiskTables.factorCounts(lines)
        if format != .page {
            return try Download.list(
                [matrix, counts], format: format, title: "Рисковые профили",
                file: "Рисковые профили" + (year.map { " \($0)" } ?? ""))
        }
        var view = PageView(
            title: "Рисковые профили школ («500+»)",
            subtitle: [year.map { "\($0) год" } ?? "все годы", level.map { "уровень «\($0.russian)»" }]
                .compactMap { $0 }.joined(separator: ", "))
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/risks",
                    fields: [
                        .text("year", "Год", value: year.map(String.init), hint: "ГГГГ; пусто — все годы"),
                        .select(
                            "level", "Школы с уровнем", value: level?.rawValue,
                            choices: [("", "любым")] + RiskLevel.allCases.map { ($0.rawValue, $0.russian) }),
                    ])),
            .table(
                TableView(
                    matrix, links: ["code": SchoolRoutes.schoolLink],
                    downloadBase: URLPath.query("/risks", [("year", year.map(String.init)), ("level", levelText)]))),
            .table(TableView(counts)),
        ]
        return site.page(view, request, context)
    }
}
