/// A value of a target indicator for one year: a baseline, a target or a hand-entered actual,
/// for the municipality (`schoolCode` nil) or one school.
public struct IndicatorValue: Sendable, Hashable, Codable {
    public var code: String
    public var schoolCode: String?
    public var year: Int
    public var value: Double

    public init(code: String, schoolCode: String? = nil, year: Int, value: Double) {
        self.code = code
        self.schoolCode = schoolCode
        self.year = year
        self.value = value
    }
}
