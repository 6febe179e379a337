/// The rule that every teacher completes in-service training at least once in three years
/// (273-ФЗ, ст. 47, ч. 5, п. 2); only courses of at least `minimumHours` count.
public struct TrainingRule: Sendable, Equatable {
    public var years: Int
    public var minimumHours: Double

    public init(years: Int = 3, minimumHours: Double = TrainingRule.defaultMinimumHours) {
        self.years = years
        self.minimumHours = minimumHours
    }

    /// The rule in force: the minimum hours from the setting `training.minimum_hours` — the one
    /// place they are read; every text and count that names them takes them from here.
    public init(_ settings: SettingValues) {
        self.init(minimumHours: settings.number(Settings.trainingMinimumHours))
    }

    /// The minimum hours without a stored setting: the setting's default (16).
    public static var defaultMinimumHours: Double { Double(Settings.trainingMinimumHours.defaultValue)! }

    /// The earliest end date of a training that still counts on `date`.
    public func windowStart(asOf date: LocalDate) -> LocalDate { date.adding(years: -years) }

    /// Whether a training that ended on `end` counts on `date`: trained within the years
    /// before it (what the indicators count).
    public func isCompliant(lastTrainingEnd end: LocalDate?, asOf date: LocalDate) -> Bool {
        guard let end else { return false }
        return end >= windowStart(asOf: date) && end <= date
    }

    /// The last day by which the next training must end: the end of the last counting training,
    /// or the start of pedagogical work if that is later, plus the rule's years. A teacher who
    /// began less than three years ago is not in breach (273-ФЗ, ст. 47, ч. 5, п. 2: «не реже
    /// чем один раз в три года» counts from the start of the work). `nil` when neither is known.
    public func dueBy(lastTrainingEnd end: LocalDate?, teachingSince start: LocalDate?) -> LocalDate? {
        // The later of the two (without an array: a region's snapshot asks this of every person).
        guard let from = end.map({ e in start.map { max(e, $0) } ?? e }) ?? start else { return nil }
        return from.adding(years: years)
    }

    /// Whether the rule is broken on `date`: the due day has passed. Without a due day (no
    /// training on record and no start of work known) nothing shows the person within the rule:
    /// overdue.
    public func isOverdue(dueBy: LocalDate?, asOf date: LocalDate) -> Bool {
        guard let dueBy else { return true }
        return dueBy < date
    }

    /// Why a person must train, as an order says it on `date`: the term «истёк» once the due day
    /// has passed, «истекает» before it; with the last counting training when there is one.
    public func dueWording(dueBy: LocalDate?, lastTrainingEnd: LocalDate?, asOf date: LocalDate) -> String {
        guard let dueBy else { return "нет сведений о КПК" }
        let verb = dueBy < date ? "истёк" : "истекает"
        // Without a training on record the term runs from the start of pedagogical work: say so.
        return "срок \(years) года \(verb) \(dueBy.russian)"
            + (lastTrainingEnd.map { " (КПК окончены \($0.russian))" }
                ?? " (сведений о КПК нет, срок от начала педагогической деятельности)")
    }
}
