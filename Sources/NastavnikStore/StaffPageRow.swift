import NastavnikCore

/// One person on the staff page: who, where, and what the training and diagnostic rules say.
public struct StaffPageRow: Sendable, Equatable {
    /// The row's id in this database (not a natural key).
    public var rowID: Int64
    /// The personnel number, when the file gave one.
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var schoolName: String
    public var position: String
    public var positionKind: PositionKind
    /// The end of the last counting training by the page's date.
    public var lastTrainingEnd: LocalDate?
    /// The day the next training must end by (`TrainingRule.dueBy`); nil for other staff, whom
    /// the rule does not concern, and when neither a training nor the start of work is known.
    public var dueBy: LocalDate?
    /// The topics of the latest diagnostic's deficits, in order.
    public var deficits: [String]
}
