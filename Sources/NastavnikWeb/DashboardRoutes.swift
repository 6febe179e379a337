import Hummingbird
import NastavnikCore
import NastavnikReports

/// The municipality at a glance (a school's account is taken to its school's card).
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
        let app = try await site.app(for: user)
        let schools = try await app.schools(status: nil)
        var byStatus: [SchoolStatus: Int] = [:]
        for school in schools { for status in school.statuses { byStatus[status, default: 0] += 1 } }
        var view = PageView(title: "Обзор муниципалитета", subtitle: "На \(site.today.russian)")
        view.blocks = [
            .heading("Школы"),
            .figures(
                [FigureView(label: "школ всего", value: String(schools.count), href: "/schools")]
                    + SchoolStatus.allCases.compactMap { status in
                        guard let count = byStatus[status] else { return nil }
                        return FigureView(
                            label: status.russianShort, value: String(count),
                            href: URLPath.query("/schools", [("status", status.russianShort)]))
                    }),
        ]
        return site.page(view, request, context)
    }
}
