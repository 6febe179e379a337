import Testing

@testable import NastavnikCore

/// Reading qualification categories and positions, and the 3-year training rule.
@Suite struct DomainTests {
    @Test(arguments: [
        ("высшая", QualificationCategory.highest), ("Первая", .first), ("СЗД", .fitsPost),
        ("без категории", .none), ("соответствие занимаемой должности", .fitsPost),
    ])
    func readsCategories(text: String, category: QualificationCategory) {
        #expect(QualificationCategory(userValue: text) == category)
    }

    @Test(arguments: [
        ("учитель", PositionKind.pedagogical), ("Учитель начальных классов", .pedagogical),
        ("директор", .leading), ("заместитель директора по УВР", .leading),
        ("педагог-психолог", .pedagogical), ("учитель-логопед", .pedagogical),
    ])
    func classifiesPositions(position: String, kind: PositionKind) {
        #expect(PositionKind(position: position) == kind)
    }

    @Test func trainingRuleCountsThreeYearsBack() {
        let rule = TrainingRule()
        let date = LocalDate(year: 2026, month: 11, day: 22)!
        #expect(rule.isCompliant(lastTrainingEnd: LocalDate(year: 2023, month: 11, day: 22), asOf: date))
        #expect(!rule.isCompliant(lastTrainingEnd: LocalDate(year: 2023, month: 11, day: 21), asOf: date))
        #expect(!rule.isCompliant(lastTrainingEnd: nil, asOf: date))
        #expect(!rule.isCompliant(lastTrainingEnd: LocalDate(year: 2026, month: 12, day: 1), asOf: date))
    }
}
