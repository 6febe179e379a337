import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore
import Testing

@testable import NastavnikWeb

@Suite struct AuditRoutesTests {
    @Test func theLogIsPagedOnTheServerNewestFirst() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let total = try await app.auditCount(AuditFilter())
        #expect(total > AuditRoutes.pageSize)
        let newest = try await app.auditEntries(AuditFilter(), limit: AuditRoutes.pageSize + 1)
        try await sandbox.test(as: .admin) { client in
            let first = try await client.request("/audit")
            #expect(first.status == .ok)
            #expect(first.tableRows == AuditRoutes.pageSize)
            #expect(first.body.contains("Записи 1–100 из \(total)"))
            #expect(first.body.contains("<a href=\"/audit?page=2\" rel=\"next\">"))
            #expect(!first.body.contains("rel=\"prev\""))
            let second = try await client.request("/audit?page=2")
            #expect(second.body.contains("Записи 101–"))
            #expect(second.body.contains("<a href=\"/audit?page=1\" rel=\"prev\">"))
            // The 101st newest entry opens the second page.
            let entry = newest[AuditRoutes.pageSize]
            #expect(second.body.contains(AuditTables.localTime(entry.at)))
            let beyond = try await client.request("/audit?page=100000")
            #expect(beyond.status == .badRequest)
            #expect(beyond.body.contains("Параметр page: страницы «100000» нет"))
        }
    }

    @Test func theFiltersKeepWhatTheAppKeepsAndTheDownloadsHoldIt() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let filter = AuditFilter(table: "school")
        let count = try await app.auditCount(filter)
        #expect(count > 0)
        let school = try #require(try await app.auditEntries(filter, limit: nil).last)
        let key = try #require(school.key)
        let keyed = try await app.auditCount(AuditFilter(table: "school", text: key))
        let today = LocalDate.today()
        try await sandbox.test(as: .admin) { client in
            let page = try await client.request("/audit?table=school")
            #expect(page.status == .ok)
            #expect(page.tableRows == min(count, AuditRoutes.pageSize))
            #expect(page.body.contains("<option value=\"school\" selected>"))
            let text = try await client.request("/audit?table=school&q=\(WebClient.encode(key))")
            #expect(text.tableRows == min(keyed, AuditRoutes.pageSize))
            let future = try await client.request("/audit?from=\(today.adding(days: 1).russian)")
            #expect(future.body.contains("Журнал пуст"))
            let to = try await client.request(
                "/audit?to=\(today.russian)&who=%D0%BD%D0%B5%D1%82%20%D1%82%D0%B0%D0%BA%D0%BE%D0%B3%D0%BE")
            #expect(to.body.contains("Журнал пуст"))
            let csv = try await client.request("/audit?table=school&format=csv")
            #expect(csv.status == .ok)
            #expect(csv.body.contains("Когда;Кто;Действие"))
            #expect(csv.body.split(whereSeparator: \.isNewline).count == count + 1)
            let xlsx = try await client.request("/audit?table=school&format=xlsx")
            #expect(try xlsx.package(contains: "Изменения"))
        }
    }
}
