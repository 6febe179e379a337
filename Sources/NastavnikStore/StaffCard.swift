import NastavnikCore

/// A staff member's card.
public struct StaffCard: Sendable, Equatable {
    public var member: StaffMember
    /// The kind stored with the row (a department's correction included).
    public var positionKind: PositionKind
    /// The rule in force for молодой специалист.
    public var earlyCareerRule: EarlyCareerRule
    public var schoolName: String
    public var trainings: [TrainingLine]
    public var diagnostics: [DiagnosticLine]
    public var mentors: [String]
    public var mentees: [String]
}
