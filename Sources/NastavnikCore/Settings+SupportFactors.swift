/// The factors each kind of plan item addresses (`SupportFactors`): judgements after the factors'
/// wording in ФИОКО's methodology, so each is a setting a department may change.
extension Settings {
    static let factorChoices = RiskFactor.allCases.map { String($0.rawValue) }
    static let linksSource =
        "решение по умолчанию по формулировкам факторов риска методологии ФИОКО (проект «500+»)"

    /// Courses close the deficits found by diagnostics: factor 3, subject and methodological competence.
    public static let linksCourse = Setting(
        "links.factors.course", title: "Факторы риска, на которые направлены курсы повышения квалификации",
        default: "3", kind: .list(choices: factorChoices), source: linksSource)
    /// Seminars and master classes: competence (3) and the school's own system of training (5).
    public static let linksSeminar = Setting(
        "links.factors.seminar", title: "Факторы риска, на которые направлены семинары и мастер-классы",
        default: "3, 5", kind: .list(choices: factorChoices), source: linksSource)
    /// Mentoring keeps early-career teachers (2, staff shortage) and raises their competence (3).
    public static let linksMentoring = Setting(
        "links.factors.mentoring", title: "Факторы риска, на которые направлено наставничество",
        default: "2, 3", kind: .list(choices: factorChoices), source: linksSource)
    /// Visiting open lessons is in-school training (5) and methodological support (3).
    public static let linksOpenLesson = Setting(
        "links.factors.open_lesson", title: "Факторы риска, на которые направлено посещение открытых уроков",
        default: "3, 5", kind: .list(choices: factorChoices), source: linksSource)
    /// Self-study is part of the in-school system of professional development (5).
    public static let linksSelfStudy = Setting(
        "links.factors.self_study", title: "Факторы риска, на которые направлено самообразование",
        default: "5", kind: .list(choices: factorChoices), source: linksSource)
}
