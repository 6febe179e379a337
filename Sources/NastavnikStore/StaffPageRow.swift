import NastavnikCore

/// One person on the staff page: who, where, and what the training, early-career and
/// diagnostic rules say on the page's date.
public struct StaffPageRow: Sendable, Equatable {
    /// The row's id in this database (not a natural key): the person's card is found by it.
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
    /// The 3-year term has passed on the page's date (never for other staff).
    public var overdue: Bool
    /// A молодой специалист on the page's date (pedagogical workers only).
    public var earlyCareer: Bool
    /// The topics of the latest diagnostic's deficits, in order.
    public var deficits: [String]

    public init(
        rowID: Int64, staffID: String?, fullName: String, schoolCode: String, schoolName: String, position: String,
        positionKind: PositionKind, lastTrainingEnd: LocalDate?, dueBy: LocalDate?, overdue: Bool,
        earlyCareer: Bool, deficits: [String]
    ) {
        self.rowID = rowID
        self.staffID = staffID
        self.fullName = fullName
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.position = position
        self.positionKind = positionKind
        self.lastTrainingEnd = lastTrainingEnd
        self.dueBy = dueBy
        self.overdue = overdue
        self.earlyCareer = earlyCareer
        self.deficits = deficits
    }
}
