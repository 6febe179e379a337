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
    public var leading: Bool = false
    /// Works at a school whose every pedagogical and leading worker has a plan (НОР, ЗПР, ЗУР).
    public var allStaffSchool: Bool = false
    /// The 3-year term of in-service training ends by the end of the plan's year.
    public var dueForTraining: Bool = false
}
