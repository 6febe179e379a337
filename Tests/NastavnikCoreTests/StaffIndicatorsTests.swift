import PropertyBased
import Testing

@testable import NastavnikCore

@Suite struct StaffIndicatorsTests {
    let asOf = LocalDate(year: 2026, month: 6, day: 1)!
    let spring = LocalDate(year: 2026, month: 3, day: 15)!
    let earlier = LocalDate(year: 2025, month: 3, day: 15)!
    let schools = [
        IndicatorSchool(code: "A", name: "Школа А", statuses: [.lowResults]),
        IndicatorSchool(code: "B", name: "Школа Б", statuses: []),
    ]

    func result(
        _ id: Int64, _ school: String, _ kind: PositionKind, campaign: Int64 = 2, date: LocalDate? = nil,
        subject: Double, methodological: Double, consent: Bool = true
    ) -> DiagnosticRecord {
        DiagnosticRecord(
            staffRowID: id, schoolCode: school, kind: kind, campaignID: campaign, campaignDate: date ?? spring,
            consent: consent, scores: [.subject: subject, .methodological: methodological])
    }

    /// Заиграевский 3.2: over the pedagogical and leading workers of НОР schools, diagnosed or not.
    @Test func indicator32IsOverTheStaffOfLowResultSchools() {
        let staff = [
            IndicatorPerson(
                id: 1, schoolCode: "A", kind: .pedagogical, lastTrainingEnd: LocalDate(year: 2025, month: 5, day: 1)),
            IndicatorPerson(id: 2, schoolCode: "A", kind: .leading),
            IndicatorPerson(
                id: 3, schoolCode: "A", kind: .other, lastTrainingEnd: LocalDate(year: 2025, month: 5, day: 1)),
            IndicatorPerson(id: 4, schoolCode: "B", kind: .pedagogical),
            IndicatorPerson(id: 5, schoolCode: "B", kind: .pedagogical),
        ]
        let diagnostics = [
            result(1, "A", .pedagogical, subject: 12, methodological: 25),
            result(3, "A", .other, subject: 15, methodological: 30),
            result(4, "B", .pedagogical, subject: 15, methodological: 30),
            result(5, "B", .pedagogical, subject: 14, methodological: 10),
        ]
        let i = StaffIndicators(
            schools: schools, staff: staff, diagnostics: diagnostics,
            thresholds: [.subject: 10, .methodological: 20], participations: [], asOf: asOf)
        let figures = i.figures
        #expect(figures[0].number == "3.1")
        #expect(figures[0].numerator == 1 && figures[0].denominator == 4)
        #expect(figures[1].number == "3.2")
        #expect(figures[1].numerator == 1 && figures[1].denominator == 2)
        #expect(figures[1].population.contains("школ с НОР"))
        #expect(figures[2].numerator == 1 && figures[2].denominator == 2)
        // The other (non-pedagogical) worker counts nowhere; school B is outside 3.2.
        #expect(i.total.staff == 4)
        #expect(i.total.diagnosed == 3)
        #expect(i.lowResultsTotal.staff == 2)
        #expect(i.lowResultsTotal.aboveSubject == 1)
        // Coverage is over the schools of the program (those that need support): A's two.
        #expect(figures[3].denominator == 2 && figures[3].target == 30)
        #expect(figures[3].population.contains("школ с НОР, ЗПР, ЗУР и ШНСУ"))
    }

    @Test func countedResultsAreEachPersonsLatestWithConsent() {
        let results = [
            result(1, "A", .pedagogical, campaign: 1, date: earlier, subject: 5, methodological: 5),
            result(1, "A", .pedagogical, campaign: 2, subject: 12, methodological: 25),
            result(2, "A", .pedagogical, campaign: 1, date: earlier, subject: 12, methodological: 25),
            result(3, "A", .pedagogical, campaign: 2, subject: 12, methodological: 25, consent: false),
            result(4, "A", .other, campaign: 2, subject: 12, methodological: 25),
        ]
        let all = StaffPopulation.countedResults(results)
        #expect(all.map(\.staffRowID).sorted() == [1, 2])
        #expect(all.first { $0.staffRowID == 1 }?.campaignID == 2)
        #expect(StaffPopulation.countedResults(results, upTo: earlier).first { $0.staffRowID == 1 }?.campaignID == 1)
        #expect(StaffPopulation.countedResults(results, campaign: 2).map(\.staffRowID) == [1])
    }

    /// Ставрополь 2.1 bundles master classes, creative labs, consultations, mentoring and
    /// seminars in one 30 % target; 2.7's 80 % is the methodological associations'. Leaders count.
    @Test func coverageCountsPedagogicalAndLeadingWorkersAndTheWholeRow() {
        let staff = [
            IndicatorPerson(id: 1, schoolCode: "A", kind: .pedagogical),
            IndicatorPerson(id: 2, schoolCode: "A", kind: .leading),
            IndicatorPerson(id: 3, schoolCode: "A", kind: .other),
            IndicatorPerson(id: 4, schoolCode: "B", kind: .pedagogical),
            IndicatorPerson(id: 5, schoolCode: "B", kind: .pedagogical),
        ]
        let day = LocalDate(year: 2025, month: 11, day: 10)!
        let participations = [
            Participation(staffRowID: 1, activity: .event(.creativeLab), from: day, to: day),
            Participation(staffRowID: 2, activity: .event(.methodAssociation), from: day, to: day),
            Participation(staffRowID: 3, activity: .event(.masterClass), from: day, to: day),
            Participation(staffRowID: 4, activity: .mentoring, from: LocalDate(year: 2024, month: 9, day: 1), to: nil),
            Participation(staffRowID: 5, activity: .event(.roundTable), from: day, to: day),
        ]
        let year = StaffIndicators.schoolYear(containing: day)
        let support = Coverage.compute(
            schools: schools, staff: staff, participations: participations, period: year,
            counts: CoverageTarget.methodicalSupport.counts)
        #expect(support.map(\.population) == [2, 2])
        #expect(support.map(\.reached) == [1, 1])
        let associations = Coverage.compute(
            schools: schools, staff: staff, participations: participations, period: year,
            counts: CoverageTarget.methodAssociations.counts)
        #expect(associations.map(\.reached) == [1, 0])
        #expect(EventKind.masterClass.coverageTarget == .methodicalSupport)
        #expect(EventKind.seminar.coverageTarget == .methodicalSupport)
        #expect(EventKind.methodAssociation.coverageTarget == .methodAssociations)
        #expect(EventKind.roundTable.coverageTarget == nil)
        #expect(EventKind(userValue: "творческая лаборатория") == .creativeLab)
        #expect(EventKind(userValue: "Методическое объединение") == .methodAssociation)
        // A pair that ended before the year does not count.
        let ended = [
            Participation(staffRowID: 4, activity: .mentoring, from: nil, to: LocalDate(year: 2025, month: 8, day: 31))
        ]
        #expect(
            Coverage.compute(
                schools: schools, staff: staff, participations: ended, period: year,
                counts: CoverageTarget.methodicalSupport.counts
            ).map(\.reached) == [0, 0])
    }

    @Test func attendanceRules() {
        let day = LocalDate(year: 2026, month: 12, day: 7)!
        #expect(SeminarPlanner.attendanceRefusal(event: 3, date: day, asOf: day) == nil)
        let refusal = SeminarPlanner.attendanceRefusal(event: 3, date: day, asOf: day.adding(days: -1))
        #expect(refusal?.contains("07.12.2026") == true)
        #expect(
            SeminarPlanner.attendanceFulfils(
                itemTopic: "Формирующее оценивание", itemEvent: nil, event: 1, eventTopic: "формирующее оценивание"))
        #expect(SeminarPlanner.attendanceFulfils(itemTopic: nil, itemEvent: 1, event: 1, eventTopic: nil))
        #expect(!SeminarPlanner.attendanceFulfils(itemTopic: nil, itemEvent: nil, event: 1, eventTopic: nil))
    }

    @Test func anEmptySummarySaysThereAreNoResults() {
        #expect(
            DiagnosticFigures([], thresholds: [:]).noDeficitsMessage
                == "Нет результатов диагностики — дефициты не определены.")
        let one = ScoredTeacher(key: 1, schoolCode: "A", scores: [:], deficits: [])
        #expect(DiagnosticFigures([one], thresholds: [:]).noDeficitsMessage == "Дефицитов не выявлено.")
    }

    /// Invariants on random municipalities: the summary (each person's latest result) and the
    /// indicators count the same people; every share is of a population that contains its numerator.
    @Test func summaryAndIndicatorsCountTheSameAndSharesAreProper() async {
        let kinds = PositionKind.allCases
        await propertyCheck(input: Gen.int(in: 0...1_000_000).array(of: 1...40)) { seeds in
            var staff: [IndicatorPerson] = []
            var results: [DiagnosticRecord] = []
            var participations: [Participation] = []
            for (i, seed) in seeds.enumerated() {
                let id = Int64(i + 1)
                let school = seed % 2 == 0 ? "A" : "B"
                let kind = kinds[(seed / 2) % kinds.count]
                staff.append(
                    IndicatorPerson(
                        id: id, schoolCode: school, kind: kind,
                        lastTrainingEnd: seed % 5 == 0 ? nil : asOf.adding(days: -(seed % 1500))))
                for campaign in 1...2 where (seed / (3 * campaign)) % 3 != 0 {
                    results.append(
                        result(
                            id, school, kind, campaign: Int64(campaign), date: campaign == 1 ? earlier : spring,
                            subject: Double(seed % 20), methodological: Double(seed % 37), consent: seed % 7 != 0))
                }
                let kind2 = EventKind.allCases[seed % EventKind.allCases.count]
                participations.append(
                    Participation(
                        staffRowID: id, activity: seed % 11 == 0 ? .mentoring : .event(kind2),
                        from: asOf.adding(days: -(seed % 400)), to: asOf.adding(days: -(seed % 400))))
            }
            let i = StaffIndicators(
                schools: schools, staff: staff, diagnostics: results, thresholds: [.subject: 10, .methodological: 20],
                participations: participations, asOf: asOf)
            #expect(StaffPopulation.countedResults(results).count == i.total.diagnosed)
            #expect(i.total.staff == staff.filter { StaffPopulation.counts($0.kind) }.count)
            for f in i.figures {
                #expect(f.numerator >= 0 && f.numerator <= f.denominator)
            }
            for l in i.lines + [i.total, i.lowResultsTotal] {
                #expect(l.trained <= l.staff && l.diagnosed <= l.staff && l.aboveSubject <= l.diagnosed)
                #expect(CoverageTarget.allCases.allSatisfy { (l.reached[$0] ?? 0) <= l.staff })
            }
        }
    }
}

/// Review R1: coverage as of a date counts what has reached people by that date.
@Suite struct CoverageAsOfTests {
    @Test func aMentoringPairThatBeginsAfterTheDateReachesNobodyYet() {
        let asOf = LocalDate(year: 2026, month: 12, day: 1)!
        let schools = [IndicatorSchool(code: "A", name: "Школа А", statuses: [.lowResults])]
        let staff = [
            IndicatorPerson(id: 1, schoolCode: "A", kind: .pedagogical),
            IndicatorPerson(id: 2, schoolCode: "A", kind: .pedagogical),
        ]
        let participations = [
            Participation(staffRowID: 1, activity: .mentoring, from: LocalDate(year: 2026, month: 9, day: 1)!, to: nil),
            // Recorded ahead, beginning in March: not yet.
            Participation(staffRowID: 2, activity: .mentoring, from: LocalDate(year: 2027, month: 3, day: 1)!, to: nil),
        ]
        let i = StaffIndicators(
            schools: schools, staff: staff, diagnostics: [], thresholds: [:], participations: participations, asOf: asOf
        )
        #expect(i.total.reached[.methodicalSupport] == 1)
        let later = StaffIndicators(
            schools: schools, staff: staff, diagnostics: [], thresholds: [:], participations: participations,
            asOf: LocalDate(year: 2027, month: 3, day: 2)!)
        #expect(later.total.reached[.methodicalSupport] == 2)
    }
}
