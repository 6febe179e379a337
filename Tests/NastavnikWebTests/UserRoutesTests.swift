import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
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
            #expect(page.body.contains("<td>\(WebSandbox.login(.school))</td>"))
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
}
