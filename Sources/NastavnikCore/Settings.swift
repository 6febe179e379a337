import Foundation

/// Every setting Nastavnik knows, with its default. Add a rule's setting here, beside the others.
public enum Settings {
    public static let trainingMinimumHours = Setting(
        "training.minimum_hours", title: "Минимальный объём курса повышения квалификации, ч",
        default: "16", kind: .number(1...10_000),
        source:
            "273-ФЗ, ст. 47, ч. 5, п. 2 (срок не указывает объём); 16 ч — минимальный объём ДПП повышения квалификации (приказ Минобрнауки № 499 от 01.07.2013, п. 12)"
    )

    /// «Both conditions», the value of `earlyCareerConditions` the seed gives.
    public static let earlyCareerBoth = "оба условия"

    public static let earlyCareerAgeLimit = Setting(
        "staff.early_career.age_limit", title: "Молодой специалист: возраст до, лет",
        default: "35", kind: .number(18...100, whole: true),
        source: "дорожная карта Ставропольского края: «педагогов в возрасте до 35 лет … в первые три года работы»")

    public static let earlyCareerYears = Setting(
        "staff.early_career.years", title: "Молодой специалист: первые годы педагогической работы",
        default: "3", kind: .number(1...50, whole: true),
        source: "дорожная карта Ставропольского края: «в первые три года работы»")

    public static let earlyCareerConditions = Setting(
        "staff.early_career.conditions", title: "Молодой специалист: возраст и стаж — оба условия или любое",
        default: earlyCareerBoth, kind: .choice([earlyCareerBoth, "любое условие"]),
        source: "дорожная карта Ставропольского края: оба условия вместе")

    /// Schools whose every pedagogical and leading worker gets an ИППР (elsewhere: those with deficits).
    public static let plansAllStaffStatuses = Setting(
        "plans.all_staff_statuses",
        title: "Статусы школ, где ИППР составляется для всех педагогических и руководящих работников",
        default: "НОР, ЗПР, ЗУР", kind: .list(choices: SchoolStatus.allCases.map(\.russianShort)),
        source:
            "Заиграевский район (приказ № 91 от 15.02.2023): «включая всех педагогических и руководящих работников в реализацию плана повышения их квалификации … основанного на индивидуальных планах профессионального развития» в ОУ с НОР и ЗР; Ставрополь (приказ № 146-ОД от 27.02.2020), п. 2.9: «для всех учителей ОО со стабильно низкими образовательными результатами»"
    )
    // Classification (Ставрополь, приказ № 146-ОД от 27.02.2020: the method, without cut-offs).
    static let stavropolMethod = "метод: Ставрополь, приказ № 146-ОД от 27.02.2020; порог — решение по умолчанию"

    public static let classificationLowResults = Setting(
        "classification.low_results", title: "НОР: средний относительный балл ЕГЭ и ОГЭ ниже",
        default: "0,9", kind: .number(0...2), source: stavropolMethod)
    public static let classificationHighRisk = Setting(
        "classification.high_risk", title: "ЗПР: средний относительный балл ниже",
        default: "0,95", kind: .number(0...2), source: stavropolMethod)
    public static let classificationModerateRisk = Setting(
        "classification.moderate_risk", title: "ЗУР: средний относительный балл ниже",
        default: "0,98", kind: .number(0...2), source: stavropolMethod)
    public static let classificationEffective = Setting(
        "classification.effective", title: "Эффективная школа: средний относительный балл не ниже",
        default: "1,05", kind: .number(0...3), source: stavropolMethod)
    public static let classificationFallingTrend = Setting(
        "classification.falling_trend",
        title: "ЗПР: снижение относительного балла за период не меньше (отрицательное число)",
        default: "-0,05", kind: .number(-1...0), source: "решение по умолчанию")
    public static let classificationAdverseSocial = Setting(
        "classification.adverse_social", title: "ШНСУ: индекс социального неблагополучия не ниже, %",
        default: "30", kind: .number(0...100),
        source:
            "показатели социального контекста — Ставрополь, приказ № 146-ОД от 27.02.2020; порог — решение по умолчанию"
    )
    public static let classificationDetermining = Setting(
        "classification.determining", title: "Определяющие процедуры (остальные показываются, но статус не определяют)",
        default: "ЕГЭ, ОГЭ", kind: .list(choices: ["ЕГЭ", "ОГЭ", "ГВЭ", "ВПР", "РПР", "НИКО"]),
        source:
            "Ставрополь, приказ № 146-ОД от 27.02.2020: «Определяющими для стратификации являются показатели 1 и 2» (ЕГЭ и ОГЭ); ВПР и РПР — показатель 4"
    )
    public static let municipalMeanChoice = "средний по муниципалитету"
    public static let classificationMissingRegionMean = Setting(
        "classification.missing_region_mean", title: "Результат без среднего балла по региону",
        default: "не учитывать", kind: .choice(["не учитывать", municipalMeanChoice]),
        source: "решение по умолчанию (метод Ставрополя сравнивает со средним по региону)")
    public static let mentorLimitHighest = Setting(
        "mentoring.limit_highest", title: "Наставляемых у одного наставника с высшей категорией, не более",
        default: "3", kind: .number(0...20, whole: true), source: "решение по умолчанию")
    public static let mentorLimitFirst = Setting(
        "mentoring.limit_first", title: "Наставляемых у одного наставника с первой категорией, не более",
        default: "2", kind: .number(0...20, whole: true), source: "решение по умолчанию")
    public static let mentorLimitOther = Setting(
        "mentoring.limit_other", title: "Наставляемых у одного наставника без первой или высшей категории, не более",
        default: "1", kind: .number(0...20, whole: true), source: "решение по умолчанию")

    /// The statuses a school may curate others with (`curators suggest`, `--lock`, `curators assign`).
    public static let curatorStatuses = Setting(
        "curators.statuses", title: "Статусы школ, которые могут быть кураторами",
        default: "эффективная", kind: .list(choices: SchoolStatus.allCases.map(\.russianShort)),
        source: "решение по умолчанию (куратор — школа с высокими результатами)")

    /// The cut-offs of the curator cost (`CuratorCutoffs`): judgements, no seed gives them.
    public static let curatorWeakSubjectBelow = Setting(
        "curators.weak_subject_below", title: "Слабый предмет школы (подбор куратора): относительный балл ниже",
        default: "0,95", kind: .number(0...3), source: "решение по умолчанию")
    public static let curatorStrongSubjectFrom = Setting(
        "curators.strong_subject_from", title: "Куратор силён в предмете: относительный балл не ниже",
        default: "1,05", kind: .number(0...3), source: "решение по умолчанию")
    public static let curatorFrequentDeficit = Setting(
        "curators.frequent_deficit", title: "Частый дефицит школы (подбор куратора): доля педагогов с ним не ниже, %",
        default: "20", kind: .number(0...100), source: "решение по умолчанию")

    /// The accounts of the web interface (issue 19 gives the numbers: five failed logins lock a
    /// login for 15 minutes; the password's minimum length is our judgement).
    public static let accountsLockoutFailures = Setting(
        "accounts.lockout_failures", title: "Неудачных входов подряд до блокировки учётной записи",
        default: "5", kind: .number(1...100, whole: true), source: "задача 19 (веб-интерфейс)")
    public static let accountsLockoutMinutes = Setting(
        "accounts.lockout_minutes", title: "Блокировка после неудачных входов, минут",
        default: "15", kind: .number(1...1440, whole: true), source: "задача 19 (веб-интерфейс)")
    public static let accountsPasswordMinimumLength = Setting(
        "accounts.password_min_length", title: "Минимальная длина пароля, символов",
        default: "10", kind: .number(6...128, whole: true), source: "решение по умолчанию")
    /// Issue 19: a viewer «reads everything, pseudonymised if the admin says so»; off by default,
    /// since a department's own viewers usually may see its staff's names.
    public static let webPseudonymizeViewers = Setting(
        "web.pseudonymize_viewers", title: "Показывать наблюдателям псевдонимы вместо ФИО",
        default: "нет", kind: .choice(["да", "нет"]), source: "задача 19 (веб-интерфейс); по умолчанию — решение")

    /// Заиграевский, раздел 5: «Сбор информации по показателям проводится … в сроки, определенные
    /// дорожной картой (июль)»: the staff indicators (3.1, 3.2) of year Y are counted on the first
    /// day of this month of Y.
    public static let indicatorsStaffMonth = Setting(
        "indicators.staff_month", title: "Месяц года, на 1-е число которого считаются кадровые целевые показатели",
        default: "7", kind: .number(1...12, whole: true), source: "Заиграевский, раздел 5 (сбор информации в июле)")

    /// Every setting, in the order `settings list` shows them.
    public static let all: [Setting] = [
        trainingMinimumHours,
        earlyCareerAgeLimit,
        earlyCareerYears,
        earlyCareerConditions,
        plansAllStaffStatuses,
        classificationLowResults, classificationHighRisk, classificationModerateRisk, classificationEffective,
        classificationFallingTrend, classificationAdverseSocial, classificationDetermining,
        classificationMissingRegionMean,
        mentorLimitHighest, mentorLimitFirst, mentorLimitOther,
        curatorStatuses, curatorWeakSubjectBelow, curatorStrongSubjectFrom, curatorFrequentDeficit,
        accountsLockoutFailures, accountsLockoutMinutes, accountsPasswordMinimumLength, webPseudonymizeViewers,
        indicatorsStaffMonth,
        riskPupilsPerTeacherHigh, riskPupilsPerTeacherMedium, riskVacancyShareHigh, riskVacancyShareMedium,
        riskOverdueTrainingHigh, riskOverdueTrainingMedium,
        riskDeficitHigh, riskDeficitMedium, riskFailShareHigh, riskFailShareMedium, riskHigherEdParentHigh,
        riskHigherEdParentMedium, riskSingleParentHigh, riskSingleParentMedium, riskHardshipHigh, riskHardshipMedium,
        riskRegisteredHigh, riskRegisteredMedium, riskOVZHigh, riskOVZMedium, riskNonNativeHigh, riskNonNativeMedium,
        linksCourse, linksSeminar, linksMentoring, linksOpenLesson, linksSelfStudy,
    ]

    /// The setting with this key, or `nil`.
    public static func named(_ key: String) -> Setting? { all.first { $0.id == key } }
}
