import Hummingbird
import NastavnikCore
import NastavnikReports

/// The curator schools: the pairs in force, the optimal suggestion (read-only) and the order.
struct CuratorRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("curators") { request, context in try await pairings(request, context) }
        router.get("curators/suggestions") { request, context in try await suggestions(request, context) }
        router.get("curators/order") { request, context in try await order(request, context) }
    }

    /// The curated school's card (its code is the first cell) and the curator school's (the third);
    /// `curator` names the curator school in a suggestion, a person in a pair.
    static func links(curatorColumn: String) -> [String: ([Cell]) -> String?] {
        [
            "school_code": SchoolRoutes.schoolLink, "school": SchoolRoutes.schoolLink, "curator_code": curatorLink,
            curatorColumn: curatorLink,
        ]
    }

    static func curatorLink(_ row: [Cell]) -> String? { RecordLinks.school(column: 2)(row) }

    private func pairings(_ request: Request, _ context: WebContext) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let table = CuratorReports.pairings(try await app.curatorPairings())
        if format != .page {
            return try Download.list([table], format: format, title: "Кураторы", file: "Школы-кураторы")
        }
        var view = PageView(title: "Школы-кураторы", subtitle: "Действующие пары «школа — куратор»")
        view.blocks = [
            .links([LinkView(label: "Оптимальные пары (предложение)", href: "/curators/suggestions")]),
            .table(TableView(table, links: Self.links(curatorColumn: "curator_school"), downloadBase: "/curators")),
        ]
        if !table.rows.isEmpty {
            view.blocks += [
                .heading("Проект приказа о закреплении школ-кураторов"), .links(Download.links("/curators/order")),
            ]
        }
        return site.page(view, request, context)
    }

    private func suggestions(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let years = try query.years()
        let yearsText = query.text("years")
        // The command's defaults: capacity 2 unless a school's own is stored, nothing locked or
        // forbidden; `suggestCurators` writes nothing.
        let table = CuratorReports.suggestions(try await app.suggestCurators(years: years, capacity: 2))
        if format != .page {
            return try Download.list([table], format: format, title: "Предложение кураторов", file: "Пары кураторов")
        }
        var view = PageView(title: "Оптимальные пары «школа — куратор»", subtitle: "Предложение; ничего не записано")
        view.breadcrumbs = [LinkView(label: "Кураторы", href: "/curators")]
        view.blocks = [
            .note(
                "Пары с наименьшей суммарной стоимостью. \(CuratorCost.explanation) Куратор берёт до 2 школ, "
                    + "если для него не записано иное."),
            .filter(
                FilterForm(
                    action: "/curators/suggestions",
                    fields: [
                        .text("years", "Годы результатов", value: yearsText, hint: "например, 2022-2024")
                    ])),
            .table(
                TableView(
                    table, links: Self.links(curatorColumn: "curator"),
                    downloadBase: URLPath.query("/curators/suggestions", [("years", yearsText)]))),
        ]
        return site.page(view, request, context)
    }

    private func order(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let user = try context.require(.readAll, request)
        let format = try Download.documentFormat(request)
        let date = try query.date("date")
        let app = try await site.app(for: user)
        let document = try await app.curatorOrder(date: date, number: query.text("number"))
        return try Download.document(document, format: format, file: "Приказ о кураторах")
    }
}
