/// One person's result in one diagnostic campaign.
public struct DiagnosticRecord: Sendable, Equatable {
    public var staffRowID: Int64
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var schoolName: String
    public var kind: PositionKind
    public var campaignID: Int64
    public var campaignDate: LocalDate
    public var consent: Bool
    public var scores: [Competence: Double]
    public var deficits: [String]

    public init(
        staffRowID: Int64, staffID: String? = nil, fullName: String = "", schoolCode: String, schoolName: String = "",
        kind: PositionKind, campaignID: Int64, campaignDate: LocalDate, consent: Bool = true,
        scores: [Competence: Double] = [:], deficits: [String] = []
    ) {
        self.staffRowID = staffRowID
        self.staffID = staffID
        self.fullName = fullName
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.kind = kind
        self.campaignID = campaignID
        self.campaignDate = campaignDate
        self.consent = consent
        self.scores = scores
        self.deficits = deficits
    }
}
