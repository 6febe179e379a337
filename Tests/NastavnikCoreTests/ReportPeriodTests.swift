import Testing

@testable import NastavnikCore

@Suite struct ReportPeriodTests {
    func range(_ from: String, _ to: String) -> ClosedRange<LocalDate>? {
        guard let a = LocalDate(parsing: from), let b = LocalDate(parsing: to) else { return nil }
        return a...b
    }

    @Test func quarterIsReadWithOrWithoutDash() {
        #expect(ReportPeriod.parse("2023Q2") == range("01.04.2023", "30.06.2023"))
        #expect(ReportPeriod.parse("2023-q4") == range("01.10.2023", "31.12.2023"))
        #expect(ReportPeriod.parse("2024Q1") == range("01.01.2024", "31.03.2024"))
    }

    @Test func yearAndDatesAreRead() {
        #expect(ReportPeriod.parse("2023") == range("01.01.2023", "31.12.2023"))
        #expect(ReportPeriod.parse("01.09.2026-30.11.2026") == range("01.09.2026", "30.11.2026"))
        #expect(ReportPeriod.parse("II квартал 2026") == range("01.04.2026", "30.06.2026"))
    }

    @Test func textThatIsNoPeriodIsNil() {
        #expect(ReportPeriod.parse("xyz") == nil)
    }
}
