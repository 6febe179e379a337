/// One teacher's scores in a campaign, as the summaries weigh them.
public struct ScoredTeacher: Sendable, Equatable {
    public var key: Int64
    public var schoolCode, schoolName: String
    public var scores: [Competence: Double]
    public var deficits: [String]

    public init(
        key: Int64, schoolCode: String = "", schoolName: String = "", scores: [Competence: Double], deficits: [String]
    ) {
        self.key = key
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.scores = scores
        self.deficits = deficits
    }
}
