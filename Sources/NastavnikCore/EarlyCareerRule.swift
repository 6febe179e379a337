/// Who is a молодой специалист (early-career teacher). The Ставрополь roadmap (seed 004)
/// speaks of «педагогов в возрасте до 35 лет … в первые три года работы»: both conditions, the
/// age limit and the years being settings (`staff.early_career.*`).
public struct EarlyCareerRule: Sendable, Equatable {
    public var ageLimit: Int
    public var years: Int
    /// Both conditions (the seed's reading, the default), or either of them.
    public var bothConditions: Bool

    public init(ageLimit: Int = 35, years: Int = 3, bothConditions: Bool = true) {
        self.ageLimit = ageLimit
        self.years = years
        self.bothConditions = bothConditions
    }

    /// The rule as the settings in force give it.
    public init(settings: SettingValues) {
        self.init(
            ageLimit: Int(settings.number(Settings.earlyCareerAgeLimit)),
            years: Int(settings.number(Settings.earlyCareerYears)),
            bothConditions: settings.text(Settings.earlyCareerConditions) == Settings.earlyCareerBoth)
    }

    /// The rule in words, for titles: «до 35 лет в первые 3 года педагогической работы» (with
    /// «любое условие»: «до 35 лет или в первые 3 года …»).
    public var russian: String {
        "до \(ageLimit) \(RussianPlural.form(ageLimit, "года", "лет", "лет")) \(bothConditions ? "" : "или ")в первые "
            + "\(RussianPlural.count(years, "год", "года", "лет")) педагогической работы"
    }

    /// Whether a person born on `birthDate` with `experience` years of pedagogical work on
    /// `date` is a молодой специалист. An unknown age or experience is a condition not shown to
    /// hold: with both conditions required, nobody is counted on a guess.
    public func applies(birthDate: LocalDate?, experience: Double?, asOf date: LocalDate) -> Bool {
        let young = birthDate.map { $0.wholeYears(until: date) < ageLimit }
        let newcomer = experience.map { $0 < Double(years) }
        if bothConditions { return young == true && newcomer == true }
        return young == true || newcomer == true
    }
}
