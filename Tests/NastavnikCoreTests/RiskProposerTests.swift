import NastavnikCore
import Testing

/// `RiskProposer`: each factor it proposes, on figures built to trigger it and on figures
/// built not to, with the default thresholds (`Settings.risks`) unless a test sets one.
@Suite struct RiskProposerTests {
    static func school(
        pupils: Int? = nil, teachers: Int = 0, base: Int = 0, overdue: Int = 0, diagnosed: Int = 0, deficits: Int = 0,
        below: Int = 0, participants: Int = 0, failSum: Double = 0, social: SocialContext? = nil, ovz: Double? = nil,
        vacancies: Double? = nil
    ) -> RiskInputs {
        var inputs = RiskInputs(schoolCode: "S1")
        inputs.pupils = pupils
        inputs.pedagogicalStaff = teachers
        inputs.trainingBase = base
        inputs.trainingOverdue = overdue
        inputs.diagnosed = diagnosed
        inputs.withDeficits = deficits
        inputs.belowThreshold = below
        inputs.resultParticipants = participants
        inputs.failWeightedSum = failSum
        inputs.social = social
        inputs.ovzShare = ovz
        inputs.vacancies = vacancies
        return inputs
    }

    static func social(
        hardship: Double? = nil, nonNative: Double? = nil, registered: Double? = nil, higherEd: Double? = nil,
        singleParent: Double? = nil
    ) -> SocialContext {
        SocialContext(
            schoolCode: "S1", year: 2025, hardshipShare: hardship, nonNativeShare: nonNative,
            registeredShare: registered, higherEdParentShare: higherEd, singleParentShare: singleParent)
    }

    static func proposal(_ inputs: RiskInputs, _ factor: RiskFactor, _ proposer: RiskProposer = RiskProposer())
        -> RiskProposal?
    {
        proposer.propose(inputs).proposals.first { $0.factor == factor }
    }

    /// Each factor's figures built to give each level, and built to give none (no data).
    static let cases: [(RiskInputs, RiskFactor, RiskLevel?)] = [
        // 2: pupils per pedagogical worker, 22 and 18 by default.
        (school(pupils: 470, teachers: 20), .staffShortage, .high),
        (school(pupils: 380, teachers: 20), .staffShortage, .medium),
        (school(pupils: 200, teachers: 20), .staffShortage, .low),
        (school(teachers: 20), .staffShortage, nil),
        (school(pupils: 200), .staffShortage, nil),
        // 2 also: the vacancy share, vacancies / (workers + vacancies), 10 % and 5 %; the higher figure wins.
        (school(pupils: 200, teachers: 18, vacancies: 3), .staffShortage, .high),
        (school(pupils: 200, teachers: 19, vacancies: 1), .staffShortage, .medium),
        (school(pupils: 200, teachers: 20, vacancies: 0.5), .staffShortage, .low),
        (school(pupils: 200, teachers: 20, vacancies: 0), .staffShortage, .low),
        (school(teachers: 18, vacancies: 3), .staffShortage, .high),
        (school(pupils: 470, teachers: 20, vacancies: 0), .staffShortage, .high),
        (school(pupils: 200, vacancies: 0), .staffShortage, nil),
        // 5: the share overdue on the 3-year rule, 30 % and 10 %.
        (school(base: 20, overdue: 7), .noInSchoolTraining, .high),
        (school(base: 20, overdue: 2), .noInSchoolTraining, .medium),
        (school(base: 20, overdue: 1), .noInSchoolTraining, .low),
        (school(overdue: 1), .noInSchoolTraining, nil),
        // 3: deficits or scores not above a threshold, 50 % and 25 %; either figure raises it.
        (school(diagnosed: 10, deficits: 6, below: 5), .teacherCompetence, .high),
        (school(diagnosed: 10, deficits: 0, below: 3), .teacherCompetence, .medium),
        (school(diagnosed: 10, deficits: 2, below: 2), .teacherCompetence, .low),
        // A deficit in some topic is near-universal: it alone does not raise the level.
        (school(diagnosed: 10, deficits: 10, below: 1), .teacherCompetence, .low),
        (school(deficits: 2), .teacherCompetence, nil),
        // 6: the participants-weighted share of «2», 20 % and 10 %.
        (school(participants: 40, failSum: 30 * 30), .academicFailureRisk, .high),
        (school(participants: 40, failSum: 40 * 12), .academicFailureRisk, .medium),
        (school(participants: 40, failSum: 40 * 3), .academicFailureRisk, .low),
        (school(failSum: 100), .academicFailureRisk, nil),
        // 9: the share of pupils with ОВЗ, 15 % and 8 %.
        (school(ovz: 16), .specialNeedsShare, .high),
        (school(ovz: 8), .specialNeedsShare, .medium),
        (school(ovz: 3), .specialNeedsShare, .low),
        (school(), .specialNeedsShare, nil),
        // 8: hardship (30 %, 15 %) and pupils on a register (5 %, 2 %), the higher of the two.
        (school(social: social(hardship: 35, registered: 1)), .schoolEnvironment, .high),
        (school(social: social(hardship: 5, registered: 3)), .schoolEnvironment, .medium),
        (school(social: social(hardship: 5, registered: 0.5)), .schoolEnvironment, .low),
        (school(social: social(nonNative: 50)), .schoolEnvironment, nil),
        // 10: pupils whose native language is not Russian, 30 % and 10 %.
        (school(social: social(nonNative: 31)), .languageBarriers, .high),
        (school(social: social(nonNative: 12)), .languageBarriers, .medium),
        (school(social: social(nonNative: 2)), .languageBarriers, .low),
        (school(social: social(hardship: 50)), .languageBarriers, nil),
        // 7: a parent with higher education below 15 % and 30 %, single-parent families from 40 % and 25 %.
        (school(social: social(higherEd: 10, singleParent: 10)), .parentalInvolvement, .high),
        (school(social: social(higherEd: 60, singleParent: 30)), .parentalInvolvement, .medium),
        (school(social: social(higherEd: 60, singleParent: 10)), .parentalInvolvement, .low),
        (school(social: social(hardship: 50)), .parentalInvolvement, nil),
    ]

    @Test(arguments: cases)
    func eachFactorIsProposedFromItsFiguresOrNotAtAll(inputs: RiskInputs, factor: RiskFactor, level: RiskLevel?) {
        #expect(Self.proposal(inputs, factor)?.level == level)
        #expect(RiskProposer().propose(inputs).notProposed.contains(factor) == (level == nil))
    }

    @Test func noDataProposesNothingAndFactors1And4NeverAre() {
        let outcome = RiskProposer().propose(RiskInputs(schoolCode: "S1"))
        #expect(outcome.schoolCode == "S1" && outcome.proposals.isEmpty)
        #expect(outcome.notProposed == RiskFactor.allCases)
        let full = RiskProposer().propose(
            Self.school(
                pupils: 100, teachers: 10, base: 10, diagnosed: 5, participants: 10,
                social: Self.social(hardship: 1, nonNative: 1, registered: 1, higherEd: 50, singleParent: 1), ovz: 1))
        #expect(full.notProposed == [.materialResources, .lowAdaptability])
    }

    /// Factor 2 on vacancies alone: the staff is large enough for its pupils, but an eighth of
    /// its positions are vacant; each figure has its sentence, with the counts in agreeing Russian.
    @Test func vacancyShareAloneRaisesTheStaffShortage() {
        let proposal = Self.proposal(Self.school(pupils: 200, teachers: 21, vacancies: 3), .staffShortage)
        #expect(proposal?.level == .high)
        #expect(
            proposal?.reasons == [
                "9,5 обучающихся на одного педагогического работника (200 обучающихся, 21 педагогический работник); высокий уровень от 22, средний от 18",
                "Доля вакантных педагогических должностей — 12,5 % (3 вакансии на 21 педагогического работника); высокий уровень от 10 %, средний от 5 %",
            ])
        let half = Self.proposal(Self.school(teachers: 12, vacancies: 1.5), .staffShortage)
        #expect(half?.level == .high)
        #expect(
            half?.reasons == [
                "Доля вакантных педагогических должностей — 11,1 % (1,5 вакансии на 12 педагогических работников); высокий уровень от 10 %, средний от 5 %"
            ])
        #expect(
            Self.proposal(Self.school(teachers: 19, vacancies: 1), .staffShortage)?.reasons.first?
                .contains("(1 вакансия на 19 педагогических работников)") == true)
        #expect(
            Self.proposal(Self.school(teachers: 95, vacancies: 5), .staffShortage)?.reasons.first?
                .contains("(5 вакансий на 95 педагогических работников)") == true)
        let strict = RiskProposer(settings: SettingValues(stored: ["risks.vacancy_share_high": "2"]))
        #expect(Self.proposal(Self.school(teachers: 20, vacancies: 0.5), .staffShortage, strict)?.level == .high)
        #expect(Self.proposal(Self.school(pupils: 300, teachers: 20, vacancies: 0.5), .staffShortage)?.level == .low)
    }

    /// The reasons give the figures, their counts and the thresholds compared with.
    @Test func reasonsGiveTheFiguresAndTheThresholds() {
        #expect(
            Self.proposal(Self.school(pupils: 470, teachers: 20), .staffShortage)?.reasons == [
                "23,5 обучающихся на одного педагогического работника (470 обучающихся, 20 педагогических работников); высокий уровень от 22, средний от 18"
            ])
        #expect(
            Self.proposal(Self.school(base: 20, overdue: 7), .noInSchoolTraining)?.reasons == [
                "Доля педагогических и руководящих работников без курсов повышения квалификации за 3 года — 35 % (7 из 20); высокий уровень от 30 %, средний от 10 %"
            ])
        // 30 participants at 30 % and 10 at 0 %: 22,5 %, not the mean of the two shares (15 %).
        let weighted = Self.school(participants: 40, failSum: 30 * 30)
        #expect(weighted.failShare == 22.5)
        #expect(
            Self.proposal(weighted, .academicFailureRisk)?.reasons == [
                "Доля «2» в результатах оценочных процедур (взвешено по участникам) — 22,5 % (40 участников); высокий уровень от 20 %, средний от 10 %"
            ])
        #expect(
            Self.proposal(Self.school(ovz: 16), .specialNeedsShare)?.reasons == [
                "Доля обучающихся с ОВЗ — 16 %; высокий уровень от 15 %, средний от 8 %"
            ])
        let parents = Self.proposal(
            Self.school(social: Self.social(higherEd: 10, singleParent: 10)), .parentalInvolvement)
        #expect(parents?.reasons.count == 2)
        #expect(parents?.reasons.first?.hasSuffix("— 10 %; высокий уровень ниже 15 %, средний ниже 30 %") == true)
        let competence = Self.proposal(Self.school(diagnosed: 10, deficits: 6, below: 1), .teacherCompetence)
        #expect(competence?.level == .low)
        #expect(competence?.reasons.first?.contains("10 % (1 из 10)") == true)
        #expect(competence?.reasons.last?.contains("60 % (6 из 10); на уровень не влияет") == true)
    }

    @Test func thresholdsAreTheDepartmentsSettings() {
        let strict = RiskProposer(settings: SettingValues(stored: ["risks.fail_share_high": "5"]))
        let inputs = Self.school(participants: 10, failSum: 60)
        #expect(Self.proposal(inputs, .academicFailureRisk)?.level == .low)
        #expect(Self.proposal(inputs, .academicFailureRisk, strict)?.level == .high)
        #expect(Settings.risks.count == 22)
        #expect(Settings.risks.allSatisfy { Settings.named($0.id) == $0 && $0.source.contains("решение по умолчанию") })
    }
}
