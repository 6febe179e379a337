/// Proposes a level for each risk factor of the «500+» profile (issue 21) a school's data in
/// Nastavnik can speak to, each with the figures that led to it, to be confirmed or changed.
/// The thresholds are settings (`Settings.risks`); a factor without its data is not proposed.
///
/// Factors 1 (material resources) and 4 (adaptability of teaching) are never proposed: nothing
/// Nastavnik records measures them. Factor 7 is proposed from a proxy, the parents' education
/// and single-parent families of the social context (see `Settings.riskHigherEdParentHigh`).
public struct RiskProposer: Sendable {
    /// The proposals for one school, and the factors its data cannot speak to.
    public struct Outcome: Sendable, Hashable {
        public var schoolCode: String
        public var proposals: [RiskProposal]
        public var notProposed: [RiskFactor]
    }

    public let settings: SettingValues

    public init(settings: SettingValues = SettingValues()) { self.settings = settings }

    /// The proposals for one school, in the factors' order.
    public func propose(_ inputs: RiskInputs) -> Outcome {
        var found: [RiskFactor: (RiskLevel, [String])] = [:]
        // Factor 2 on the higher of two figures: a staff too small for its pupils, and positions
        // left vacant (the issue's «staff vacancies»), each where its data is recorded.
        var staffFigures: [(RiskLevel, String)] = []
        if let pupils = inputs.pupils, pupils > 0, inputs.pedagogicalStaff > 0 {
            let ratio = Double(pupils) / Double(inputs.pedagogicalStaff)
            staffFigures.append(
                figure(
                    ratio, "обучающихся на одного педагогического работника",
                    RussianPlural.count(pupils, "обучающийся", "обучающихся", "обучающихся") + ", "
                        + RussianPlural.count(
                            inputs.pedagogicalStaff, "педагогический работник", "педагогических работника",
                            "педагогических работников"),
                    Settings.riskPupilsPerTeacherHigh, Settings.riskPupilsPerTeacherMedium, unit: ""))
        }
        if let vacancies = inputs.vacancies, Double(inputs.pedagogicalStaff) + vacancies > 0 {
            staffFigures.append(
                figure(
                    vacancies * 100 / (Double(inputs.pedagogicalStaff) + vacancies),
                    "вакантных педагогических должностей",
                    "\(Self.vacancies(vacancies)) на \(Self.workers(inputs.pedagogicalStaff))",
                    Settings.riskVacancyShareHigh, Settings.riskVacancyShareMedium))
        }
        if !staffFigures.isEmpty { found[.staffShortage] = graded(staffFigures) }
        if inputs.trainingBase > 0 {
            found[.noInSchoolTraining] = graded(
                [
                    figure(
                        share(inputs.trainingOverdue, inputs.trainingBase),
                        "педагогических и руководящих работников без курсов повышения квалификации за 3 года",
                        "\(inputs.trainingOverdue) из \(inputs.trainingBase)", Settings.riskOverdueTrainingHigh,
                        Settings.riskOverdueTrainingMedium)
                ])
        }
        if inputs.diagnosed > 0 {
            // The level is the share not above the thresholds, the measure of the Заиграевский
            // roadmap's indicator 3.2 («показавших … уровень предметных компетенций выше 10
            // баллов, уровень методических компетенций выше 20 баллов»). The share with some
            // deficit is told but not graded: a diagnostic finds a deficit in some topic for
            // almost every teacher (in the demo, 60–100 % of every school's, effective ones too),
            // so it cannot tell a school at risk from one that is not.
            var (level, reasons) = graded(
                [
                    figure(
                        share(inputs.belowThreshold, inputs.diagnosed),
                        "продиагностированных педагогов не выше порога хотя бы по одной компетенции",
                        "\(inputs.belowThreshold) из \(inputs.diagnosed)", Settings.riskDeficitHigh,
                        Settings.riskDeficitMedium)
                ])
            reasons.append(
                "Для сведения: доля продиагностированных педагогов с дефицитами хотя бы по одной теме — "
                    + "\(Self.format(share(inputs.withDeficits, inputs.diagnosed))) % "
                    + "(\(inputs.withDeficits) из \(inputs.diagnosed)); на уровень не влияет")
            found[.teacherCompetence] = (level, reasons)
        }
        if let fail = inputs.failShare {
            found[.academicFailureRisk] = graded(
                [
                    figure(
                        fail, "«2» в результатах оценочных процедур (взвешено по участникам)",
                        "\(inputs.resultParticipants) участников", Settings.riskFailShareHigh,
                        Settings.riskFailShareMedium)
                ])
        }
        if let social = inputs.social {
            // Each social figure with its factor: 7 (a proxy, see the type's comment), 8, 10.
            let figures: [(RiskFactor, Double?, String, Setting, Setting, Bool)] = [
                (
                    .parentalInvolvement, social.higherEdParentShare,
                    "обучающихся, у которых хотя бы один родитель с высшим образованием",
                    Settings.riskHigherEdParentHigh,
                    Settings.riskHigherEdParentMedium, false
                ),
                (
                    .parentalInvolvement, social.singleParentShare, "обучающихся из неполных семей",
                    Settings.riskSingleParentHigh, Settings.riskSingleParentMedium, true
                ),
                (
                    .schoolEnvironment, social.hardshipShare, "обучающихся из семей в ТЖС", Settings.riskHardshipHigh,
                    Settings.riskHardshipMedium, true
                ),
                (
                    .schoolEnvironment, social.registeredShare, "обучающихся, состоящих на учёте",
                    Settings.riskRegisteredHigh, Settings.riskRegisteredMedium, true
                ),
                (
                    .languageBarriers, social.nonNativeShare, "обучающихся, для которых русский язык не родной",
                    Settings.riskNonNativeHigh, Settings.riskNonNativeMedium, true
                ),
            ]
            for factor in [RiskFactor.parentalInvolvement, .schoolEnvironment, .languageBarriers] {
                let graded = figures.filter { $0.0 == factor }.compactMap { item in
                    item.1.map { figure($0, item.2, nil, item.3, item.4, higherIsWorse: item.5) }
                }
                if !graded.isEmpty { found[factor] = self.graded(graded) }
            }
        }
        if let ovz = inputs.ovzShare {
            found[.specialNeedsShare] = graded(
                [figure(ovz, "обучающихся с ОВЗ", nil, Settings.riskOVZHigh, Settings.riskOVZMedium)])
        }
        return Outcome(
            schoolCode: inputs.schoolCode,
            proposals: RiskFactor.allCases.compactMap { factor in
                found[factor].map {
                    RiskProposal(schoolCode: inputs.schoolCode, factor: factor, level: $0.0, reasons: $0.1)
                }
            },
            notProposed: RiskFactor.allCases.filter { found[$0] == nil })
    }

    /// One figure graded against its two thresholds, with its sentence.
    private func figure(
        _ value: Double, _ what: String, _ counts: String?, _ high: Setting, _ medium: Setting, unit: String = "%",
        higherIsWorse: Bool = true
    ) -> (RiskLevel, String) {
        let highAt = settings.number(high)
        let mediumAt = settings.number(medium)
        let level: RiskLevel
        if higherIsWorse {
            level = value >= highAt ? .high : value >= mediumAt ? .medium : .low
        } else {
            level = value < highAt ? .high : value < mediumAt ? .medium : .low
        }
        // A share reads «Доля … — 35 %»; a ratio (no unit) «23,5 обучающихся на …».
        let suffix = unit.isEmpty ? "" : " " + unit
        let text = unit.isEmpty ? "\(Self.format(value)) \(what)" : "Доля \(what) — \(Self.format(value))\(suffix)"
        let bound = higherIsWorse ? "от" : "ниже"
        return (
            level,
            text + (counts.map { " (\($0))" } ?? "")
                + "; высокий уровень \(bound) \(Self.format(highAt))\(suffix), средний \(bound) \(Self.format(mediumAt))\(suffix)"
        )
    }

    /// The highest level of the figures, with every figure's sentence.
    private func graded(_ figures: [(RiskLevel, String)]) -> (RiskLevel, [String]) {
        let order: [RiskLevel] = [.high, .medium, .low]
        let level = order.first { level in figures.contains { $0.0 == level } } ?? .low
        return (level, figures.map(\.1))
    }

    private func share(_ part: Int, _ whole: Int) -> Double { Double(part) * 100 / Double(whole) }

    /// «3 вакансии», «1,5 вакансии» (a fraction takes the genitive singular), «5 вакансий».
    static func vacancies(_ count: Double) -> String {
        count == count.rounded()
            ? RussianPlural.count(Int(count), "вакансия", "вакансии", "вакансий") : "\(format(count)) вакансии"
    }

    /// «на 21 работника», «на 5 работников» (the accusative after «на»).
    static func workers(_ count: Int) -> String {
        RussianPlural.count(
            count, "педагогического работника", "педагогических работников", "педагогических работников")
    }

    /// A figure to one decimal, with a decimal comma.
    static func format(_ value: Double) -> String { Setting.format((value * 10).rounded() / 10) }
}
