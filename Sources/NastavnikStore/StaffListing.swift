import NastavnikCore

/// One row of the staff list: the worker and whether the training rule holds for them.
public struct StaffListing: Sendable, Equatable {
    public var line: StaffLine
    /// Training within the last 3 years by `rule` on `date` (the list has always used the default rule).
    public var trainedWithinThreeYears: Bool

    public init(line: StaffLine, rule: TrainingRule = TrainingRule(), asOf date: LocalDate) {
        self.line = line
        trainedWithinThreeYears = rule.isCompliant(lastTrainingEnd: line.lastTrainingEnd, asOf: date)
    }
}
