import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

@Suite struct UserRoutesTests {
    @Test func theAdminSeesEveryAccountAsTheCommandListsThemAndNamesAreInert() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.app().addUser(
            login: "xss", fullName: "<script>alert(1)</script>", role: .viewer, schoolCode: nil,
            password: WebSandbox.password)
        let users = try await sandbox.app().listUsers()
        try await sandbox.test(as: .admin) { client in
            let page = try await client.request("/admin/users")
            #expect(page.status == .ok)
            #expect(page.tableRows == users.count)
            // Each login leads to its account's page (issue 20: the admin's forms).
            #expect(
                page.body.contains(
                    "<td><a href=\"/admin/users/\(WebSandbox.login(.school))\">\(WebSandbox.login(.school))</a></td>"))
            #expect(page.body.contains("<a href=\"/schools/\(WebSandbox.school)\">\(WebSandbox.school)</a>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.body.contains("<script>alert(1)"))
            #expect(page.body.contains("<a href=\"/admin/users\" aria-current=\"page\">Пользователи</a>"))
            let csv = try await client.request("/admin/users?format=csv")
            #expect(csv.body.contains("Логин;Имя;Роль"))
            #expect(csv.body.contains(WebSandbox.login(.viewer)))
            client.clearCookies()
            try await client.logIn(.specialist)
            let refused = try await client.request("/admin/users")
            #expect(refused.status == .forbidden)
            #expect(!(try await client.request("/")).body.contains("/admin/users"))
        }
    }

    /// The admin downloads the whole database as a file SQLite and Nastavnik open, with the
    /// accounts in it; the temporary copy is gone once sent; another role gets 403.
    @Test func theAdminDownloadsABackupThatOpens() async throws {
        let sandbox = try await WebSandbox()
        let temporary = FileManager.default.temporaryDirectory.path
        func copies() throws -> Set<String> {
            Set(
                try FileManager.default.contentsOfDirectory(atPath: temporary).filter {
                    $0.hasPrefix("nastavnik-backup-")
                })
        }
        let before = try copies()
        try await sandbox.test(as: .admin) { client in
            #expect(try await client.request("/admin/users").body.contains("href=\"/admin/backup\""))
            let file = try await client.request("/admin/backup")
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "application/vnd.sqlite3")
            #expect(file.headers[.contentDisposition]?.contains(".sqlite") == true)
            #expect(file.bytes.starts(with: Array("SQLite format 3\0".utf8)))
            let path = sandbox.directory.url.appendingPathComponent("downloaded.sqlite").path
            FileManager.default.createFile(atPath: path, contents: Data(file.bytes))
            let copy = NastavnikApp(database: try NastavnikDatabase(path: path))
            #expect(try await copy.listUsers().map(\.login) == (try await sandbox.app().listUsers()).map(\.login))
            client.clearCookies()
            try await client.logIn(.specialist)
            #expect(try await client.request("/admin/backup").status == .forbidden)
        }
        #expect(try copies().subtracting(before).isEmpty)
    }
}
