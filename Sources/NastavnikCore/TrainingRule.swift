/// The rule that every teacher completes in-service training at least once in three years
/// (273-ФЗ, ст. 47, ч. 5, п. 2); only courses of at least `minimumHours` count.
public struct TrainingRule: Sendable, Equatable {
    public var years: Int
    public var minimumHours: Double

    public init(years: Int = 3, minimumHours: Double = 16) {
        self.years = years
        self.minimumHours = minimumHours
    }

    /// The earliest end date of a training that still counts on `date`.
    public func windowStart(asOf date: LocalDate) -> LocalDate { date.adding(years: -years) }

    /// Whether a training that ended on `end` counts on `date`.
    public func isCompliant(lastTrainingEnd end: LocalDate?, asOf date: LocalDate) -> Bool {
        guard let end else { return false }
        return end >= windowStart(asOf: date) && end <= date
    }
}
