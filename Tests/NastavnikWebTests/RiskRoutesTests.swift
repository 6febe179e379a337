import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

/// `/risks`: the demo's risk matrix as `risks list` builds it, filtered by year and level.
@Suite struct RiskRoutesTests {
    @Test func theMatrixIsTheCommandsWithSchoolLinks() async throws {
        let sandbox = try await WebSandbox()
        let lines = try await sandbox.app().riskProfiles(year: 2025, level: .high)
        let matrix = RiskTables.matrix(lines)
        try await sandbox.test(as: .viewer) { client in
            let page = try await client.request("/risks?year=2025&level=high")
            #expect(page.status == .ok)
            #expect(page.body.contains("Рисковые профили школ («500+»)"))
            #expect(page.body.contains("2025 год, уровень «высокий»"))
            #expect(page.tableRows == matrix.rows.count + RiskFactor.allCases.count)
            #expect(page.body.contains("<a href=\"/schools/SV011\">SV011</a>"))
            #expect(!page.body.contains("href=\"/schools/\""))
            let csv = try await client.request("/risks?year=2025&format=csv")
            #expect(csv.body.contains("Ф10") && csv.body.contains("SV011"))
            let bad = try await client.request("/risks?level=red")
            #expect(bad.status == .badRequest)
            // The page sets the text with its non-breaking spaces (`Typography`).
            #expect(bad.body.contains("Параметр level: «red»") && bad.body.contains("уровень риска"))
        }
    }

    /// A school's page shows its latest profile and the years' dynamics; a school without one has no such heading.
    @Test func aSchoolsPageShowsItsProfile() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/schools/SV011")
            #expect(page.status == .ok)
            #expect(page.body.contains("Рисковый профиль («500+») 2025 года"))
            #expect(page.body.contains("Динамика уровней по годам") && page.body.contains("загружен из файла"))
            let effective = try await client.request("/schools/SV001")
            #expect(effective.status == .ok && !effective.body.contains("Рисковый профиль"))
        }
    }
}
