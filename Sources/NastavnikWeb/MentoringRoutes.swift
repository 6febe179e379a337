import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// The mentoring pairs with the mentors' load, and the suggested pairs (read-only here), as
/// `nastavnik mentoring list` and `mentoring suggest` print them.
struct MentoringRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("mentoring") { request, context in try await list(request, context) }
        router.get("mentoring/suggestions") { request, context in try await suggestions(request, context) }
    }

    /// The links of a mentoring table: both people to their cards, the schools to theirs.
    static func links(_ table: ReportTable) -> [String: ([Cell]) -> String?] {
        RecordLinks.standard(table, people: ["mentor": "mentor_id", "mentee": "mentee_id"])
    }

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let activeOn = try PageQuery(request).date("active_on")
        let table = MentoringReports.list(try await app.mentorships(activeOn: activeOn))
        if format != .page {
            return try Download.list([table], format: format, title: "Наставничество", file: "Наставнические пары")
        }
        let load = MentoringReports.load(try await app.mentorships(activeOn: site.today))
        var view = PageView(title: "Наставничество")
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/mentoring",
                    fields: [
                        .text(
                            "active_on", "Действующие на дату", value: activeOn?.russian,
                            hint: "ДД.ММ.ГГГГ; пусто — все пары")
                    ])),
            .heading("Наставнические пары"),
            .table(
                TableView(
                    table, links: Self.links(table),
                    downloadBase: URLPath.query("/mentoring", [("active_on", activeOn?.russian)]))),
            .heading("Нагрузка наставников на \(site.today.russian)"),
            .table(TableView(load, links: Self.links(load))),
            .links([LinkView(label: "Предложения пар (только просмотр)", href: "/mentoring/suggestions")]),
        ]
        return site.page(view, request, context)
    }

    /// The least-cost mentors for those who need one today (nothing is assigned here).
    private func suggestions(_ request: Request, _ context: WebContext) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let all = try PageQuery(request).flag("all")
        let table = MentoringReports.suggestions(try await app.suggestMentors(asOf: site.today, all: all))
        if format != .page {
            return try Download.list([table], format: format, title: "Предложения пар", file: "Предложения наставников")
        }
        var view = PageView(title: "Предложения наставнических пар", subtitle: "На \(site.today.russian)")
        view.breadcrumbs = [LinkView(label: "Наставничество", href: "/mentoring")]
        view.blocks = [
            .note(
                "Предложение ничего не сохраняет: пара закрепляется приказом и командой nastavnik mentoring assign. "
                    + MentorMatching.explanation),
            .filter(
                FilterForm(
                    action: "/mentoring/suggestions",
                    fields: [.checkbox("all", "Включить и тех, у кого наставник уже есть", checked: all)])),
            .table(
                TableView(
                    table, links: Self.links(table),
                    downloadBase: URLPath.query("/mentoring/suggestions", [("all", all ? "1" : nil)]))),
        ]
        return site.page(view, request, context)
    }
}
