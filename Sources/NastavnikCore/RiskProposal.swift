/// A level `RiskProposer` proposes for one factor of one school, with the figures that led to
/// it in Russian, to be confirmed or changed (`risks set`).
public struct RiskProposal: Sendable, Hashable, Codable {
    public var schoolCode: String
    public var factor: RiskFactor
    public var level: RiskLevel
    /// Each figure and the threshold it was compared with, as a sentence.
    public var reasons: [String]

    public init(schoolCode: String, factor: RiskFactor, level: RiskLevel, reasons: [String]) {
        self.schoolCode = schoolCode
        self.factor = factor
        self.level = level
        self.reasons = reasons
    }
}
