import NastavnikCore
import Testing

@Suite struct PlanGeneratorTests {
    let year = LocalDate(year: 2026, month: 9, day: 1)!...LocalDate(year: 2027, month: 8, day: 31)!
    let thresholds: [String: [Competence: Double]] = ["*": [.subject: 10, .methodological: 20]]

    func diagnostic(_ subject: Double, _ methodological: Double, _ deficits: [String] = [])
        -> PlanGenerationInputs.Diagnostic
    {
        PlanGenerationInputs.Diagnostic(
            instrument: "ЦНППМ", scores: [.subject: subject, .methodological: methodological], deficits: deficits)
    }

    func teacher(
        _ id: Int64, _ diagnostic: PlanGenerationInputs.Diagnostic?, statuses: Set<SchoolStatus> = [],
        observed: [String] = [],
        earlier: PlanGenerationInputs.EarlierPlan? = nil
    ) -> PlanGenerationInputs.Teacher {
        PlanGenerationInputs.Teacher(
            id: id, name: "Учитель \(id)", schoolID: 1, subjects: ["математика"], leading: false,
            schoolStatuses: statuses,
            mentorID: nil, dueBy: LocalDate(year: 2028, month: 1, day: 1)!, diagnostic: diagnostic, observed: observed,
            earlier: earlier)
    }

    func inputs(_ teachers: [PlanGenerationInputs.Teacher]) -> PlanGenerationInputs {
        PlanGenerationInputs(
            year: year, asOf: year.lowerBound, minimumHours: 16, allStaffStatuses: [.lowResults],
            thresholds: thresholds,
            teachers: teachers, colleagues: [], curators: [:], courses: [], events: [])
    }

    @Test func topicsAreDeficitsThenWeakCompetencesThenObservedEachOnce() {
        let inputs = inputs([])
        let topics = PlanGenerator.topics(
            diagnostic: diagnostic(10, 25, ["Формирующее оценивание"]),
            observed: ["формирующее оценивание", "работа с текстом"]
        ) { inputs.threshold(instrument: $0, $1) }
        #expect(topics == ["Формирующее оценивание", "предметные компетенции", "работа с текстом"])
    }

    @Test func strengthIsHowFarAboveTheThresholds() {
        let inputs = inputs([])
        #expect(PlanGenerator.strength(diagnostic(15, 30)) { inputs.threshold(instrument: $0, $1) } == 1.0)
        #expect(PlanGenerator.strength(nil) { inputs.threshold(instrument: $0, $1) } == 0)
    }

    @Test func onlyThoseWhoNeedAPlanGetOne() {
        let decisions = PlanGenerator.decide(
            inputs([
                teacher(1, diagnostic(15, 30)),  // strong, ordinary school: no plan
                teacher(2, diagnostic(8, 30)),  // a weak subject score
                teacher(3, diagnostic(15, 30), statuses: [.lowResults]),  // a НОР school: everybody
                teacher(4, nil),  // never diagnosed: no plan
            ]))
        #expect(decisions.map(\.teacherID) == [2, 3])
        #expect(decisions.allSatisfy { !$0.drafts.isEmpty && $0.carriedItemIDs.isEmpty })
    }

    @Test func openItemsOfTheEarlierYearAreCarriedOnce() {
        let draft = PlanItemDraft(
            kind: .selfStudy, topic: "работа с текстом", description: "Изучить методику",
            deadline: LocalDate(year: 2026, month: 5, day: 1)!, expectedResult: "")
        let earlier = PlanGenerationInputs.EarlierPlan(
            label: "2025/26",
            items: [
                .init(id: 10, carried: false, draft: draft), .init(id: 11, carried: true, draft: draft),
            ])
        let decisions = PlanGenerator.decide(inputs([teacher(1, diagnostic(15, 30), earlier: earlier)]))
        #expect(decisions.map(\.carriedItemIDs) == [[10]])
        #expect(decisions.first?.drafts.contains { $0.description.contains("перенесено из плана 2025/26") } == true)
    }
}
