import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@Suite struct NastavnikAppTrainingTests {
    /// One course of 72 hours, another of 17: with 18 hours as the minimum, the second no longer counts.
    static let trainings = """
        Табельный номер;Программа;Организатор;Часы;Дата начала;Дата окончания;Статус
        W1;Формирующее оценивание;ИРО;72;01.02.2025;20.02.2025;завершено
        W2;Короткий курс;ИРО;17;01.02.2025;20.02.2025;завершено

        """

    @Test func theMinimumHoursAreTheSettingsEverywhere() async throws {
        let fixture = try AppFixture()
        try fixture.load(.trainings, Self.trainings)
        let asOf = LocalDate(year: 2026, month: 12, day: 1)!
        #expect(try await fixture.app.trainingRule().minimumHours == 16)
        let trained = { (lines: [TrainingStatusLine]) in Set(lines.filter(\.trainedWithin3Years).compactMap(\.staffID))
        }
        #expect(trained(try await fixture.app.trainingStatus(asOf: asOf)) == ["W1", "W2"])
        #expect(try await fixture.app.trainingRule(settingMinimumHours: 18).minimumHours == 18)
        #expect(try fixture.database.trainingRule() == TrainingRule(minimumHours: 18))
        #expect(trained(try await fixture.app.trainingStatus(asOf: asOf)) == ["W1"])
        await #expect(throws: AppError("Минимальный объём должен быть больше нуля.")) {
            try await fixture.app.trainingRule(settingMinimumHours: 0)
        }
    }

    @Test func theForecastRunsForward() async throws {
        let fixture = try AppFixture()
        try fixture.load(.trainings, Self.trainings)
        let asOf = LocalDate(year: 2026, month: 12, day: 1)!
        await #expect(throws: AppError.self) {
            try await fixture.app.trainingForecast(until: LocalDate(year: 2026, month: 1, day: 1)!, asOf: asOf)
        }
        let forecast = try await fixture.app.trainingForecast(
            until: LocalDate(year: 2028, month: 12, day: 31)!, asOf: asOf)
        // Never trained first (no day they fall out), then by the day: W1 and W2 fall out on 21.02.2028.
        let days = forecast.lines.map { $0.outOfComplianceFrom?.dayNumber ?? Int.min }
        #expect(days == days.sorted())
        #expect(forecast.lines.suffix(2).compactMap(\.staffID).sorted() == ["W1", "W2"])
    }

    @Test func theOrderSendsThoseWhoseTermEnds() async throws {
        let fixture = try AppFixture()
        let order = try await fixture.app.trainingOrder(year: 2027, asOf: LocalDate(year: 2026, month: 12, day: 1)!)
        #expect(order.year == 2027)
        // Nobody has a course on record or a start of work: all nine must train, and there is no catalogue.
        #expect(order.assignments.count == 9)
        #expect(order.assignments.allSatisfy { $0.course == nil })
        await #expect(throws: AppError("Год «1999» вне допустимых пределов.")) {
            try await fixture.app.trainingOrder(year: 1999, asOf: LocalDate(year: 2026, month: 12, day: 1)!)
        }
    }
}
