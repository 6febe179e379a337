import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// The mentoring pairs with the mentors' load, and the suggested pairs, as `nastavnik mentoring
/// list` and `mentoring suggest` print them; a role that may edit mentoring takes suggested
/// pairs there and opens a pair's forms (`MentoringActionRoutes`).
struct MentoringRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("mentoring") { request, context in try await list(request, context) }
        router.get("mentoring/suggestions") { request, context in
            try await suggestionsPage(request, context, assign: nil)
        }
        MentoringActionRoutes(site: site).add(to: router)
    }

    /// The links of a mentoring table: both people to their cards, the schools to theirs.
    static func links(_ table: ReportTable) -> [String: ([Cell]) -> String?] {
        var links = RecordLinks.standard(table, people: ["mentor": "mentor_id", "mentee": "mentee_id"])
        if table.columns.first?.key == "id" { links["id"] = { "/mentoring/pairs/" + URLPath.segment($0[0].display) } }
        return links
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

    /// The least-cost mentors for those who need one today; for a role that may edit mentoring,
    /// the form that takes the chosen ones (`assign` as a refused submission left it).
    func suggestionsPage(
        _ request: Request, _ context: WebContext, assign: FormView?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let all = try PageQuery(request).flag("all")
        let suggestions = try await app.suggestMentors(asOf: site.today, all: all)
        let table = MentoringReports.suggestions(suggestions)
        if format != .page {
            return try Download.list([table], format: format, title: "Предложения пар", file: "Предложения наставников")
        }
        var view = PageView(title: "Предложения наставнических пар", subtitle: "На \(site.today.russian)")
        view.breadcrumbs = [LinkView(label: "Наставничество", href: "/mentoring")]
        let editor = context.user?.role.may(.editMentoring) == true
        view.blocks = [
            .note(
                (editor
                    ? "Выбранные ниже пары закрепляются все сразу или ни одна; остальные предложения ничего не сохраняют. "
                    : "Предложение ничего не сохраняет: пара закрепляется приказом и командой nastavnik mentoring assign. ")
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
        if let assign {
            view.blocks.append(.form(assign))
        } else if editor, !all {
            // Those who already have a mentor (`all`) are listed to read; a second mentor is the CLI's `--second`.
            view.blocks.append(
                .form(
                    MentoringActionRoutes.assignForm(
                        csrf: context.csrf, suggestions: suggestions, values: ["start": site.today.russian])))
        }
        return site.page(view, request, context, status: status)
    }
}
