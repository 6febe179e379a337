/// A school's results and context, as classification reads them.
public struct ClassifiedSchool: Sendable, Equatable {
    public var code: String
    public var name: String
    /// Every result in the years classified.
    public var results: [ClassifiedResult]
    /// The five social indicators of the latest year, in percent.
    public var social: SocialContext?
    public var official: [SchoolStatus]

    public init(
        code: String, name: String, results: [ClassifiedResult], social: SocialContext?, official: [SchoolStatus]
    ) {
        self.code = code
        self.name = name
        self.results = results
        self.social = social
        self.official = official
    }

    /// 0–100: the mean of the shares that make learning harder (families in hardship, Russian
    /// not native, registered, single parent) and of the complement of the share with a
    /// parent of higher education — the Ставрополь seed's five indicators of social context.
    public var socialIndex: Double? {
        guard let s = social else { return nil }
        let parts = [
            s.hardshipShare, s.nonNativeShare, s.registeredShare, s.singleParentShare,
            s.higherEdParentShare.map { 100 - $0 },
        ].compactMap { $0 }
        return parts.isEmpty ? nil : parts.reduce(0, +) / Double(parts.count)
    }
}
