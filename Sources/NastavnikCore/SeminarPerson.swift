/// A person as the seminar planner sees them.
public struct SeminarPerson: Sendable, Equatable {
    public var id: Int64
    public var staffID: String?
    public var name: String
    public var schoolID: Int64
    /// Strength in the topic (relative scores); presenters are chosen by it.
    public var strength: Double
    public var category: QualificationCategory?
    public init(
        id: Int64, staffID: String?, name: String, schoolID: Int64, strength: Double = 0,
        category: QualificationCategory? = nil
    ) {
        self.id = id
        self.staffID = staffID
        self.name = name
        self.schoolID = schoolID
        self.strength = strength
        self.category = category
    }
}
