/// One person of the region's training order for a year: who, where, why, and the course the
/// municipality's planner chose (none when no course answers the need).
public struct RegionOrderLine: Sendable, Equatable {
    public var municipality: String
    public var schoolCode: String
    public var schoolName: String?
    /// The name as the municipality sent it: a pseudonym unless it pushed personal data.
    public var person: String
    public var reason: String
    /// Must train this year under the 3-year rule (else sent for the development plan's needs).
    public var due: Bool
    public var courseCode: String?
    public var courseTitle: String?
    public var provider: String?
    public var hours: Double?
    /// The course's topics, or the needs no course answered.
    public var topics: String?

    public init(
        municipality: String, schoolCode: String, schoolName: String?, person: String, reason: String, due: Bool,
        courseCode: String?, courseTitle: String?, provider: String?, hours: Double?, topics: String?
    ) {
        self.municipality = municipality
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.person = person
        self.reason = reason
        self.due = due
        self.courseCode = courseCode
        self.courseTitle = courseTitle
        self.provider = provider
        self.hours = hours
        self.topics = topics
    }
}
