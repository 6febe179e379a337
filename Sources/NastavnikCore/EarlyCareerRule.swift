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

extension EarlyCareerRule {
    /// The days on which the rule applies to a person, as the first day it no longer does:
    /// `applies(birthDate:experience:asOf:)` holds exactly on the days before the answer. Age
    /// and years of work only grow, so the days it holds are all those before one day.
    /// `.distantFuture` (`LocalDate.latest`) when it always holds (years of work stated without a
    /// start, under «любое условие»), nil when it never does (an unknown age under both
    /// conditions). `experienceYears` is read only without `teachingSince`, as
    /// `StaffMember.experience(asOf:)` does.
    public func firstDayNotApplying(birthDate: LocalDate?, teachingSince: LocalDate?, experienceYears: Double?)
        -> LocalDate?
    {
        // Each condition holds before its own day: nil never, `latest` always.
        let young = birthDate.flatMap { born in
            Self.firstDay(from: born, years: ageLimit) { day in born.wholeYears(until: day) < ageLimit }
        }
        let newcomer: LocalDate?
        if let start = teachingSince {
            newcomer = Self.firstDay(from: start, years: years) { day in max(0, start.wholeYears(until: day)) < years }
        } else if let stated = experienceYears {
            newcomer = stated < Double(years) ? LocalDate.latest : nil
        } else {
            newcomer = nil
        }
        if bothConditions {
            guard let young, let newcomer else { return nil }
            return min(young, newcomer)
        }
        switch (young, newcomer) {
        case (let a?, let b?): return max(a, b)
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (nil, nil): return nil
        }
    }

    /// The first day on which `holds` (true before it, false from it on) is false, near
    /// `start` plus `years` (29 February moves it by a day, which the steps find); nil when it
    /// is false even the day before `start` (a limit of 0 years).
    private static func firstDay(from start: LocalDate, years: Int, holds: (LocalDate) -> Bool) -> LocalDate? {
        var day = start.adding(years: max(0, years))
        while holds(day) { day = day.adding(days: 1) }
        while day > start, !holds(day.adding(days: -1)) { day = day.adding(days: -1) }
        return holds(day.adding(days: -1)) ? day : nil
    }
}
