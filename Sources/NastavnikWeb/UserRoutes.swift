import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// The accounts (admin), as `users list` prints them; changing them is part 2's.
struct UserRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("admin/users") { request, context in try await list(request, context) }
    }

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.require(.manageUsers, request)
        let table = AccountTables.list(try await site.app(for: user).listUsers())
        let format = try Download.listFormat(request)
        if format != .page {
            return try Download.list([table], format: format, title: "Учётные записи", file: "Учётные записи")
        }
        var view = PageView(title: "Пользователи", subtitle: "Учётные записи и их роли")
        view.blocks = [
            .table(
                TableView(
                    table, links: ["school": RecordLinks.school(column: 3)],
                    downloadBase: "/admin/users"))
        ]
        return site.page(view, request, context)
    }
}
