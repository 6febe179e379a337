import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// The accounts (admin), as `users list` prints them, and the database's backup to download.
struct UserRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("admin/users") { request, context in try await list(request, context) }
        router.get("admin/backup") { request, context in try await backup(request, context) }
    }

    /// A copy of the whole database (`nastavnik backup`: SQLite's online backup, consistent while
    /// others write), made into a private temporary directory and sent as a download; the
    /// administrator only, as the command is theirs.
    private func backup(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.require(.backup, request)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nastavnik-backup-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = directory.appendingPathComponent("backup.sqlite").path
        do {
            try await site.app(for: user).backup(to: path)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        return Download.streamedFile(
            path: path, removing: directory, name: "Наставник \(site.today.iso).sqlite", type: "application/vnd.sqlite3"
        )
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
            .links([LinkView(label: "Скачать резервную копию базы данных", href: "/admin/backup")]),
            .table(
                TableView(
                    table, links: ["school": RecordLinks.school(column: 3)],
                    downloadBase: "/admin/users")),
        ]
        return site.page(view, request, context)
    }
}
