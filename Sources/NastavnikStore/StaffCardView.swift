import NastavnikCore

/// A worker's card with what the rules in force say about them on a date.
public struct StaffCardView: Sendable, Equatable {
    public var card: StaffCard
    public var asOf: LocalDate
    /// The training rule in force (setting training.minimum_hours).
    public var rule: TrainingRule
    /// The end of the last completed training long enough to count, on or before `asOf`.
    public var lastCountingTraining: LocalDate?
    /// Training within the rule's 3 years on `asOf`.
    public var compliant: Bool
    /// When the next training is due (none for other staff).
    public var dueBy: LocalDate?
    /// Молодой специалист: pedagogical and early in their career by the rule in force.
    public var earlyCareer: Bool

    public init(
        card: StaffCard, asOf: LocalDate, rule: TrainingRule, lastCountingTraining: LocalDate?, compliant: Bool,
        dueBy: LocalDate?, earlyCareer: Bool
    ) {
        self.card = card
        self.asOf = asOf
        self.rule = rule
        self.lastCountingTraining = lastCountingTraining
        self.compliant = compliant
        self.dueBy = dueBy
        self.earlyCareer = earlyCareer
    }
}
