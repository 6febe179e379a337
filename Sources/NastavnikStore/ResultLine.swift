import NastavnikCore

/// One teacher's result in a campaign.
public struct ResultLine: Sendable, Equatable {
    public var staffRowID: Int64
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var schoolName: String
    public var scores: [Competence: Double]
    public var deficits: [String]
    public var consent: Bool
}
