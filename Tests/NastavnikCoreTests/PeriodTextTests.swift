import Testing

@testable import NastavnikCore

@Suite struct PeriodTextTests {
    @Test(arguments: [
        ("2023", "2023-01-01", "2023-12-31"), ("2020-2022", "2020-01-01", "2022-12-31"),
        ("2020–2022", "2020-01-01", "2022-12-31"), ("2024/25", "2024-09-01", "2025-08-31"),
        ("2024/2025", "2024-09-01", "2025-08-31"), ("01.09.2024-31.05.2025", "2024-09-01", "2025-05-31"),
    ])
    func periods(text: String, start: String, end: String) throws {
        let period = try #require(PeriodText.parse(text))
        #expect(period.start.iso == start)
        #expect(period.end.iso == end)
    }

    @Test func badPeriods() {
        #expect(PeriodText.parse("2024/27") == nil)
        #expect(PeriodText.parse("когда-нибудь") == nil)
        #expect(PeriodText.parse("2022-2020") == nil)
    }
}
