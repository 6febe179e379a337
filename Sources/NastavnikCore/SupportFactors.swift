/// Which risk factors of the «500+» profile a kind of support addresses (issue 21: «the
/// curator's support and the plans of the school's teachers are linked to the factors they
/// address»). An item of a teacher's development plan addresses the factors its kind's setting
/// names; a curator's support addresses the factors of the supported school's anti-risk
/// programmes (the school chose them, so nothing is guessed there).
public enum SupportFactors {
    /// The setting holding the factors of a plan item kind.
    public static func setting(for kind: PlanItemKind) -> Setting {
        switch kind {
        case .course: Settings.linksCourse
        case .seminar: Settings.linksSeminar
        case .mentoring: Settings.linksMentoring
        case .openLesson: Settings.linksOpenLesson
        case .selfStudy: Settings.linksSelfStudy
        }
    }

    /// The factors an item of `kind` addresses under `values`, in the methodology's order.
    public static func factors(of kind: PlanItemKind, in values: SettingValues = SettingValues()) -> [RiskFactor] {
        Array(Set(values.list(setting(for: kind)).compactMap(RiskFactor.init(userValue:)))).sorted()
    }

    /// «3, 5» for a list of factors, as the listings show them; empty for none.
    public static func text(_ factors: [RiskFactor]) -> String {
        factors.map { String($0.rawValue) }.joined(separator: ", ")
    }
}
