/// A teacher who needs a plan: the deficits to address.
public struct PlanTeacher: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var schoolID: Int64
    public var subjects: [String]
    /// Deficit topics from diagnostics and observed lessons, and competences below threshold.
    public var topics: [String]
    public var mentorID: Int64?
    /// A leading worker (директор, заместитель): the school's management team.
    public var leading: Bool
    /// Works at a school whose every pedagogical and leading worker has a plan (НОР, ЗПР, ЗУР).
    public var allStaffSchool: Bool
    /// The 3-year term of in-service training ends by the end of the plan's year.
    public var dueForTraining: Bool

    public init(
        id: Int64, name: String, schoolID: Int64, subjects: [String], topics: [String], mentorID: Int64? = nil,
        leading: Bool = false, allStaffSchool: Bool = false, dueForTraining: Bool = false
    ) {
        self.id = id
        self.name = name
        self.schoolID = schoolID
        self.subjects = subjects
        self.topics = topics
        self.mentorID = mentorID
        self.leading = leading
        self.allStaffSchool = allStaffSchool
        self.dueForTraining = dueForTraining
    }
}
