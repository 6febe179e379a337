/// A school as curator matching weighs it.
public struct MatchSchool: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var municipality: String?
    public var latitude: Double?
    public var longitude: Double?
    /// Relative score (school mean ÷ region mean) per subject, averaged over the years.
    public var relative: [String: Double]
    /// Share (0–1) of the school's diagnosed teachers with each deficit topic (folded).
    public var deficitShare: [String: Double]
    public var capacity: Int
    /// Official statuses from the regional lists.
    public var statuses: [SchoolStatus]

    public init(
        id: Int64, code: String, name: String, municipality: String?, latitude: Double?, longitude: Double?,
        relative: [String: Double], deficitShare: [String: Double], capacity: Int, statuses: [SchoolStatus] = []
    ) {
        self.statuses = statuses
        self.id = id
        self.code = code
        self.name = name
        self.municipality = municipality
        self.latitude = latitude
        self.longitude = longitude
        self.relative = relative
        self.deficitShare = deficitShare
        self.capacity = capacity
    }
}
