import Testing

@testable import NastavnikCore

@Suite struct TrainingStatusTests {
    @Test func impliedTrainingStatus() {
        let today = LocalDate(year: 2026, month: 11, day: 22)!
        #expect(
            TrainingStatus.implied(start: nil, end: LocalDate(year: 2026, month: 1, day: 1), today: today) == .completed
        )
        #expect(
            TrainingStatus.implied(
                start: LocalDate(year: 2026, month: 11, day: 1), end: LocalDate(year: 2026, month: 12, day: 1),
                today: today) == .studying)
        #expect(
            TrainingStatus.implied(
                start: LocalDate(year: 2027, month: 1, day: 10), end: LocalDate(year: 2027, month: 2, day: 1),
                today: today) == .applied)
        // No end: never completed, which would count for the 3-year rule from no date.
        #expect(
            TrainingStatus.implied(start: LocalDate(year: 2026, month: 10, day: 1), end: nil, today: today) == .studying
        )
        #expect(TrainingStatus.implied(start: nil, end: nil, today: today) == .applied)
    }
}
