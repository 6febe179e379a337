/// A school's social context in one year, as percentages of its students.
public struct SocialContext: Hashable, Sendable, Codable {
    public var schoolCode: String
    public var year: Int
    public var hardshipShare: Double?
    public var nonNativeShare: Double?
    public var registeredShare: Double?
    public var higherEdParentShare: Double?
    public var singleParentShare: Double?

    public init(
        schoolCode: String, year: Int, hardshipShare: Double? = nil, nonNativeShare: Double? = nil,
        registeredShare: Double? = nil, higherEdParentShare: Double? = nil, singleParentShare: Double? = nil
    ) {
        self.schoolCode = schoolCode
        self.year = year
        self.hardshipShare = hardshipShare
        self.nonNativeShare = nonNativeShare
        self.registeredShare = registeredShare
        self.higherEdParentShare = higherEdParentShare
        self.singleParentShare = singleParentShare
    }
}
