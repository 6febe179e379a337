import Hummingbird
import NastavnikCore
import NastavnikReports

/// The proposed statuses beside the official ones (`schools classify`, read-only: never saved here).
struct ClassificationRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("classification") { request, context in try await list(request, context) }
    }

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let years = try query.years()
        let yearsText = query.text("years")
        let differences = try query.flag("differences")
        // `save: false`: the web shows the proposal; saving it is the command line's `--save`.
        let (rules, schools, rating) = try await app.classifySchools(years: years, save: false)
        let table = SchoolTables.classification(schools, rules: rules, rating: rating, differencesOnly: differences)
        if format != .page {
            return try Download.list([table], format: format, title: "Классификация", file: "Классификация школ")
        }
        var view = PageView(
            title: "Классификация школ",
            subtitle: "Предложенные статусы по методу Ставрополя рядом с официальными")
        view.blocks = [
            .note(
                "Статус предлагают по среднему относительному баллу ЕГЭ и ОГЭ за 3 года (балл школы ÷ балл региона) "
                    + "и его отклонению от 1; ВПР показан, но статус не определяет. Пороги — настройки classification.*. "
                    + "Предложение ничего не меняет: официальный статус остаётся главным."),
            .filter(
                FilterForm(
                    action: "/classification",
                    fields: [
                        .text("years", "Годы", value: yearsText, hint: "например, 2022-2024; пусто — три последних"),
                        .checkbox("differences", "Только расхождения с официальным статусом", checked: differences),
                    ])),
            .table(
                TableView(
                    table, links: ["code": SchoolRoutes.schoolLink, "name": SchoolRoutes.schoolLink],
                    downloadBase: URLPath.query(
                        "/classification", [("years", yearsText), ("differences", differences ? "1" : nil)]))),
        ]
        return site.page(view, request, context)
    }
}
