/// A staff member as mentor matching sees them: plain values the store fetches.
public struct MentoringPerson: Sendable, Equatable {
    public var id: String
    public var fullName: String
    public var schoolCode: String
    public var positionKind: PositionKind
    public var subjects: [String]
    public var category: QualificationCategory?
    public var experience: Double?
    public var earlyCareer: Bool
    /// A competence of the latest diagnostics at or below its threshold.
    public var weakInDiagnostics: Bool
    /// Took part in the diagnostics (their strength is known).
    public var diagnosed: Bool

    public init(
        id: String, fullName: String, schoolCode: String, positionKind: PositionKind, subjects: [String],
        category: QualificationCategory?, experience: Double?, earlyCareer: Bool, weakInDiagnostics: Bool,
        diagnosed: Bool
    ) {
        self.id = id
        self.fullName = fullName
        self.schoolCode = schoolCode
        self.positionKind = positionKind
        self.subjects = subjects
        self.category = category
        self.experience = experience
        self.earlyCareer = earlyCareer
        self.weakInDiagnostics = weakInDiagnostics
        self.diagnosed = diagnosed
    }
}
