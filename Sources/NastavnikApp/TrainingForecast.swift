import NastavnikCore
import NastavnikStore

/// Who falls out of the three-year rule by a date, and the courses they are already enrolled on.
public struct TrainingForecast: Sendable, Equatable {
    /// Those out of the rule by the date: by the day they fall out (never trained first), then school and name.
    public var lines: [TrainingStatusLine]
    /// The end of a course each is enrolled on or studying that ends by the date, by staff row id.
    public var plannedEnds: [Int64: LocalDate]
}
