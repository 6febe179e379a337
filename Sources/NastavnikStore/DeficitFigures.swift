/// A deficit count of one school in the latest campaign it took part in.
public struct DeficitFigures: Sendable, Equatable {
    public var schoolCode: String
    public var schoolName: String
    /// Teachers with a diagnostic result in that campaign.
    public var diagnosed: Int
    public var byTopic: [String: Int]
}
