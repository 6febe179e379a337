/// What classification found for one school: the indicators and the proposed statuses, each
/// with its reason in Russian.
public struct SchoolClassification: Sendable, Equatable {
    public var code: String
    public var name: String
    /// Indicator 1 of the Ставрополь method: the mean of the relative scores (school mean ÷
    /// region mean) of every determining result (ЕГЭ and ОГЭ by default) over the years.
    public var relative: Double?
    /// Indicator 2: its deviation from one (the region's level).
    public var deviation: Double? { relative.map { $0 - 1 } }
    /// The determining relative score per year.
    public var relativeByYear: [Int: Double]
    /// The change of the determining relative score from the first to the last year.
    public var trend: Double?
    /// Indicator 4 (ВПР, РПР…): the mean relative score of the other procedures, shown, never deciding.
    public var otherRelative: Double?
    /// How many determining and other results had a relative score.
    public var determiningCount: Int
    public var otherCount: Int
    public var socialIndex: Double?
    public var statuses: [SchoolStatus]
    public var reasons: [String]
    public var official: [SchoolStatus]

    public var differs: Bool { Set(statuses) != Set(official) }
}

extension SchoolClassification {
    /// The rating: places by the determining relative score, best first (ties by code); schools
    /// without one have no place.
    public static func rating(_ schools: [SchoolClassification]) -> [String: Int] {
        let ranked = schools.filter { $0.relative != nil }.sorted { ($0.relative!, $1.code) > ($1.relative!, $0.code) }
        return Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.code, $0 + 1) })
    }
}
