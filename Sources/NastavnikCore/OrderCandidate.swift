/// Someone the training order must send.
public struct OrderCandidate: Sendable, Equatable {
    public var id: Int64
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var schoolName: String
    public var subjects: [String]
    public var deficits: [String]
    /// Why: out of the 3-year rule by the end of the year, or a course in the development plan.
    public var reason: String
    /// The course the development plan names.
    public var plannedCourseID: Int64?
    /// Topics the development plan found no programme for (`DevelopmentPlanner.noProgramme`).
    public var unmetTopics: [String]
    /// Must train this year under the 3-year rule (`TrainingOrderPlanner.mustTrain`): any open
    /// course will do. Someone sent only for the plan's needs goes only on a course answering them.
    public var due: Bool

    public init(
        id: Int64, staffID: String?, fullName: String, schoolCode: String, schoolName: String, subjects: [String],
        deficits: [String], reason: String, plannedCourseID: Int64?, unmetTopics: [String] = [], due: Bool = true
    ) {
        self.id = id
        self.staffID = staffID
        self.fullName = fullName
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.subjects = subjects
        self.deficits = deficits
        self.reason = reason
        self.plannedCourseID = plannedCourseID
        self.unmetTopics = unmetTopics
        self.due = due
    }
}
