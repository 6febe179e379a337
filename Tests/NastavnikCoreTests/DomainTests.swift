import Testing
@testable import NastavnikCore

@Suite struct DomainTests {
    @Test(arguments: [
        ("НОР", SchoolStatus.lowResults), ("ШНОР", .lowResults), ("ЗПР — зона повышенного риска", .highRisk),
        ("ЗУР", .moderateRisk), ("зур — зона умеренного риска", .moderateRisk), ("ШНСУ", .adverseSocial),
        ("эффективная", .effective), ("Эффективная", .effective), ("lowResults", .lowResults),
    ])
    func readsStatuses(text: String, status: SchoolStatus) {
        #expect(SchoolStatus(russian: text) == status)
    }

    @Test func unknownStatus() {
        #expect(SchoolStatus(russian: "отличная") == nil)
    }

    @Test(arguments: [("высшая", QualificationCategory.highest), ("Первая", .first), ("СЗД", .fitsPost),
                      ("без категории", .none), ("соответствие занимаемой должности", .fitsPost)])
    func readsCategories(text: String, category: QualificationCategory) {
        #expect(QualificationCategory(russian: text) == category)
    }

    @Test(arguments: [("учитель", PositionKind.pedagogical), ("Учитель начальных классов", .pedagogical),
                      ("директор", .leading), ("заместитель директора по УВР", .leading),
                      ("педагог-психолог", .pedagogical), ("учитель-логопед", .pedagogical)])
    func classifiesPositions(position: String, kind: PositionKind) {
        #expect(PositionKind(position: position) == kind)
    }

    @Test func personKeys() {
        #expect(StaffMember.personKey(staffID: "T-1", fullName: "Иванов", birthDate: nil, schoolCode: "S") == "id:T-1")
        #expect(StaffMember.personKey(staffID: nil, fullName: "Семёнов  И.И.", birthDate: LocalDate(year: 1980, month: 1, day: 2), schoolCode: "S")
            == "nb:семенов и.и.|1980-01-02")
        #expect(StaffMember.personKey(staffID: "", fullName: "Иванов", birthDate: nil, schoolCode: "S") == "ns:иванов|S")
    }

    @Test func trainingRuleCountsThreeYearsBack() {
        let rule = TrainingRule()
        let date = LocalDate(year: 2026, month: 11, day: 22)!
        #expect(rule.isCompliant(lastTrainingEnd: LocalDate(year: 2023, month: 11, day: 22), asOf: date))
        #expect(!rule.isCompliant(lastTrainingEnd: LocalDate(year: 2023, month: 11, day: 21), asOf: date))
        #expect(!rule.isCompliant(lastTrainingEnd: nil, asOf: date))
        #expect(!rule.isCompliant(lastTrainingEnd: LocalDate(year: 2026, month: 12, day: 1), asOf: date))
    }

    @Test func impliedTrainingStatus() {
        let today = LocalDate(year: 2026, month: 11, day: 22)!
        #expect(TrainingStatus.implied(start: nil, end: LocalDate(year: 2026, month: 1, day: 1), today: today) == .completed)
        #expect(TrainingStatus.implied(start: LocalDate(year: 2026, month: 11, day: 1), end: LocalDate(year: 2026, month: 12, day: 1), today: today) == .studying)
        #expect(TrainingStatus.implied(start: LocalDate(year: 2027, month: 1, day: 10), end: LocalDate(year: 2027, month: 2, day: 1), today: today) == .applied)
        // No end: never completed, which would count for the 3-year rule from no date.
        #expect(TrainingStatus.implied(start: LocalDate(year: 2026, month: 10, day: 1), end: nil, today: today) == .studying)
        #expect(TrainingStatus.implied(start: nil, end: nil, today: today) == .applied)
    }

    @Test(arguments: [("2023", "2023-01-01", "2023-12-31"), ("2020-2022", "2020-01-01", "2022-12-31"),
                      ("2020–2022", "2020-01-01", "2022-12-31"), ("2024/25", "2024-09-01", "2025-08-31"),
                      ("2024/2025", "2024-09-01", "2025-08-31"), ("01.09.2024-31.05.2025", "2024-09-01", "2025-05-31")])
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
