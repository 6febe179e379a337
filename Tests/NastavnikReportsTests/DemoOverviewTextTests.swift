import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

@Suite struct DemoOverviewTextTests {
    @Test func theOverviewCountsAndNamesTheWorstSchools() {
        let overview = DatabaseOverview(
            counts: [(table: "Школы", count: 2), (table: "Работники", count: 10)],
            statusCounts: [(.lowResults, 1)], schoolsWithoutStatus: 1, trainingBase: 10, untrained: 4,
            untrainedBySchool: [
                (code: "SV001", name: "Школа № 1", untrained: 3, base: 5),
                (code: "SV002", name: "Школа № 2", untrained: 0, base: 5),
            ])
        let text = DemoOverviewText.describe(
            overview, path: "demo.sqlite", asOf: LocalDate(year: 2026, month: 12, day: 1)!, minimumHours: 18,
            seconds: 1.5)
        #expect(text.hasPrefix("Демонстрационная база создана: demo.sqlite (1,5 с)."))
        #expect(text.contains("  Школы      2\n"))
        #expect(text.contains("курсы от 18 ч): 4 из 10"))
        #expect(text.contains("  SV001 Школа № 1: 3 из 5\n"))
        #expect(!text.contains("SV002 Школа № 2"))
    }
}
