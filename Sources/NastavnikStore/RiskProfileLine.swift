import NastavnikCore

/// One level of a school's risk profile as stored (`NastavnikDatabase.riskProfiles`).
public struct RiskProfileLine: Sendable, Hashable {
    public var schoolCode: String
    public var schoolName: String
    public var year: Int
    public var factor: RiskFactor
    public var level: RiskLevel
    public var source: RiskSource
    /// The figures that led to a confirmed proposal; empty for an imported or hand-set level.
    public var reasons: [String]
    public var note: String?
    /// When (ISO 8601, UTC) and by whom the level was last recorded.
    public var recordedAt: String
    public var recordedBy: String?

    public init(
        schoolCode: String, schoolName: String, year: Int, factor: RiskFactor, level: RiskLevel, source: RiskSource,
        reasons: [String] = [], note: String? = nil, recordedAt: String = "", recordedBy: String? = nil
    ) {
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.year = year
        self.factor = factor
        self.level = level
        self.source = source
        self.reasons = reasons
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
