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
        let user = try context.require(.readAll, request)
        let format = try Download.listFormat(request)
        let query = request.uri.queryParameters
        let statusText = query["status"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        var status: SchoolStatus?
        if let statusText {
            guard let value = SchoolStatus(russian: statusText) else {
                throw WebError.badRequest(
                    "Параметр status: неизвестный статус «\(statusText)»; возможны НОР, ЗПР, ЗУР, ШНСУ, эффективная.")
            }
            status = value
        }
        let search = query["q"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        let app = try await site.app(for: user)
        let schools = try await app.schools(status: status, matching: search)
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
                            choices: [("", "все")] + SchoolStatus.allCases.map { ($0.russianShort, $0.russianShort) }),
                    ])),
            .table(
                TableView(
                    table, links: ["code": Self.schoolLink, "name": Self.schoolLink],
                    downloadBase: URLPath.query("/schools", [("q", search), ("status", statusText)]))),
        ]
        return site.page(view, request, context)
    }

    /// The card of the school whose code is a row's first cell.
    static func schoolLink(_ row: [Cell]) -> String? { "/schools/" + URLPath.segment(row[0].display) }

    private func card(_ request: Request, _ context: WebContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let user = try context.requireSchool(code, request)
        let app = try await site.app(for: user)
        let detail = try await app.school(code: code, asOf: site.today)
        var view = PageView(title: detail.school.name, subtitle: "Код ОО \(detail.school.code)")
        if user.role.may(.readAll) { view.breadcrumbs = [LinkView(label: "Школы", href: "/schools")] }
        view.blocks = [.card(CardView(SchoolTables.card(detail)))]
        return site.page(view, request, context)
    }
}
