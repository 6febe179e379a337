/// The thresholds `RiskProposer` grades a school's figures by (issue 21). ФИОКО's methodology
/// names the ten risk factors but publishes no cut-offs a municipality could compute from its
/// own data: every threshold here is our judgement, a setting the department may change. A
/// figure at or beyond the «high» threshold proposes a high level, at or beyond the «medium»
/// one a medium level, otherwise a low one.
extension Settings {
    static let riskJudgement = "решение по умолчанию (ФИОКО не устанавливает порогов для факторов риска)"

    /// Factor 2: the pupils per pedagogical worker show a staff too small for its school.
    public static let riskPupilsPerTeacherHigh = Setting(
        "risks.pupils_per_teacher_high", title: "Фактор 2 (дефицит кадров): обучающихся на педагога — высокий от",
        default: "22", kind: .number(1...1000), source: riskJudgement)
    public static let riskPupilsPerTeacherMedium = Setting(
        "risks.pupils_per_teacher_medium", title: "Фактор 2 (дефицит кадров): обучающихся на педагога — средний от",
        default: "18", kind: .number(1...1000), source: riskJudgement)
    /// Factor 2 also: the share of pedagogical positions vacant, vacancies / (pedagogical workers
    /// + vacancies), from the social context's count of vacancies (ставки).
    public static let riskVacancyShareHigh = Setting(
        "risks.vacancy_share_high",
        title: "Фактор 2 (дефицит кадров): доля вакантных педагогических должностей — высокий от, %",
        default: "10", kind: .number(0...100), source: riskJudgement)
    public static let riskVacancyShareMedium = Setting(
        "risks.vacancy_share_medium",
        title: "Фактор 2 (дефицит кадров): доля вакантных педагогических должностей — средний от, %",
        default: "5", kind: .number(0...100), source: riskJudgement)
    /// Factor 5: 273-ФЗ, ст. 47, ч. 5, п. 2 wants every worker trained within three years; how
    /// many overdue show a missing in-school system is a judgement.
    public static let riskOverdueTrainingHigh = Setting(
        "risks.overdue_training_high",
        title: "Фактор 5 (система повышения квалификации): доля просрочивших курсы (3 года) — высокий от, %",
        default: "30", kind: .number(0...100), source: riskJudgement)
    public static let riskOverdueTrainingMedium = Setting(
        "risks.overdue_training_medium",
        title: "Фактор 5 (система повышения квалификации): доля просрочивших курсы (3 года) — средний от, %",
        default: "10", kind: .number(0...100), source: riskJudgement)
    /// Factor 3: the share of diagnosed workers not above some competence's threshold (3.2).
    public static let riskDeficitHigh = Setting(
        "risks.deficit_high",
        title:
            "Фактор 3 (компетентность педагогов): доля не выше порога диагностики (как в показателе 3.2) — высокий от, %",
        default: "50", kind: .number(0...100), source: riskJudgement)
    public static let riskDeficitMedium = Setting(
        "risks.deficit_medium",
        title:
            "Фактор 3 (компетентность педагогов): доля не выше порога диагностики (как в показателе 3.2) — средний от, %",
        default: "25", kind: .number(0...100), source: riskJudgement)
    /// Factor 6: the participants-weighted share of «2» in the year's results.
    public static let riskFailShareHigh = Setting(
        "risks.fail_share_high", title: "Фактор 6 (учебная неуспешность): доля «2» в результатах — высокий от, %",
        default: "20", kind: .number(0...100), source: riskJudgement)
    public static let riskFailShareMedium = Setting(
        "risks.fail_share_medium", title: "Фактор 6 (учебная неуспешность): доля «2» в результатах — средний от, %",
        default: "10", kind: .number(0...100), source: riskJudgement)
    /// Factor 7 (a proxy: parents' education and single-parent families go with how much a
    /// family takes part in school life; the school's own survey of parents is the real measure).
    public static let riskHigherEdParentHigh = Setting(
        "risks.higher_ed_parent_high",
        title: "Фактор 7 (вовлечённость родителей): доля с родителем с высшим образованием — высокий ниже, %",
        default: "15", kind: .number(0...100), source: riskJudgement)
    public static let riskHigherEdParentMedium = Setting(
        "risks.higher_ed_parent_medium",
        title: "Фактор 7 (вовлечённость родителей): доля с родителем с высшим образованием — средний ниже, %",
        default: "30", kind: .number(0...100), source: riskJudgement)
    public static let riskSingleParentHigh = Setting(
        "risks.single_parent_high", title: "Фактор 7 (вовлечённость родителей): доля из неполных семей — высокий от, %",
        default: "40", kind: .number(0...100), source: riskJudgement)
    public static let riskSingleParentMedium = Setting(
        "risks.single_parent_medium",
        title: "Фактор 7 (вовлечённость родителей): доля из неполных семей — средний от, %",
        default: "25", kind: .number(0...100), source: riskJudgement)
    /// Factor 8: pupils from families in hardship and pupils on a register (ПДН, КДН,
    /// внутришкольный учёт) — the social context Ставрополь's order reads (приказ № 146-ОД).
    public static let riskHardshipHigh = Setting(
        "risks.hardship_high", title: "Фактор 8 (образовательная среда): доля из семей в ТЖС — высокий от, %",
        default: "30", kind: .number(0...100), source: riskJudgement)
    public static let riskHardshipMedium = Setting(
        "risks.hardship_medium", title: "Фактор 8 (образовательная среда): доля из семей в ТЖС — средний от, %",
        default: "15", kind: .number(0...100), source: riskJudgement)
    public static let riskRegisteredHigh = Setting(
        "risks.registered_high", title: "Фактор 8 (образовательная среда): доля состоящих на учёте — высокий от, %",
        default: "5", kind: .number(0...100), source: riskJudgement)
    public static let riskRegisteredMedium = Setting(
        "risks.registered_medium", title: "Фактор 8 (образовательная среда): доля состоящих на учёте — средний от, %",
        default: "2", kind: .number(0...100), source: riskJudgement)
    /// Factor 9: the share of pupils with ОВЗ.
    public static let riskOVZHigh = Setting(
        "risks.ovz_high", title: "Фактор 9 (доля обучающихся с ОВЗ) — высокий от, %",
        default: "15", kind: .number(0...100), source: riskJudgement)
    public static let riskOVZMedium = Setting(
        "risks.ovz_medium", title: "Фактор 9 (доля обучающихся с ОВЗ) — средний от, %",
        default: "8", kind: .number(0...100), source: riskJudgement)
    /// Factor 10: pupils for whom Russian is not the native language.
    public static let riskNonNativeHigh = Setting(
        "risks.non_native_high",
        title: "Фактор 10 (языковые и культурные барьеры): доля с неродным русским языком — высокий от, %",
        default: "30", kind: .number(0...100), source: riskJudgement)
    public static let riskNonNativeMedium = Setting(
        "risks.non_native_medium",
        title: "Фактор 10 (языковые и культурные барьеры): доля с неродным русским языком — средний от, %",
        default: "10", kind: .number(0...100), source: riskJudgement)

    /// The risk profile's settings (those of `all` under `risks.`), in the order `settings list` shows them.
    public static var risks: [Setting] { all.filter { $0.id.hasPrefix("risks.") } }
}
