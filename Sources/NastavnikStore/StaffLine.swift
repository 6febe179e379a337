import NastavnikCore

/// A member of staff as `staff list` shows them.
public struct StaffLine: Sendable, Equatable {
    /// The row's id in this database (not a natural key).
    public var rowID: Int64
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var position: String
    public var positionKind: PositionKind
    public var subjects: [String]
    public var category: QualificationCategory?
    public var experience: Double?
    /// A pedagogical worker who is a молодой специалист by the rule in force (`EarlyCareerRule`).
    public var earlyCareer: Bool
    public var lastTrainingEnd: LocalDate?
    /// The date of appointment to the present post at this school, when known.
    public var postSince: LocalDate?
    /// The date of the last attestation (category or fitness for the post).
    public var categoryDate: LocalDate?
}
