import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// Every text that names the minimum hours of a counting course reads the setting.
@Suite struct MinimumHoursTextTests {
    @Test func theSettingIsWhatTheTextsSay() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["settings", "set", "training.minimum_hours", "18", "--db", db]).status == 0)
        #expect(await run(["training", "settings", "--db", db]).out.contains("завершённые курсы от 18 ч"))
        let database = try NastavnikDatabase(path: db, access: .read)
        let date = LocalDate(year: 2026, month: 12, day: 1)!
        let rule = try database.trainingRule()
        let text = DemoOverviewText.describe(
            try database.overview(asOf: date, rule: rule), path: db, asOf: date,
            minimumHours: rule.minimumHours, seconds: 0)
        #expect(text.contains("курсы от 18 ч"))
        #expect(!text.contains("16 ч"))
    }
}
