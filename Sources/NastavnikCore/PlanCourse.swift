/// A course as the planner weighs it.
public struct PlanCourse: Sendable, Equatable {
    public var id: Int64
    public var code: String?
    public var title: String
    public let provider: String
    public var hours: Double
    public let topics: [String]
    public var subjects: [String]
    public var start: LocalDate?
    public var end: LocalDate?
    /// Seats not yet taken; `nil` when the catalogue gives no limit.
    public var seatsLeft: Int?
    // Read from the provider's name and the topics once, not in every comparison of a sort.
    public let providerRank: ProviderRank
    let foldedTopics: Set<String>

    public init(
        id: Int64, code: String?, title: String, provider: String, hours: Double, topics: [String], subjects: [String],
        start: LocalDate?, end: LocalDate?, seatsLeft: Int?
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.provider = provider
        self.hours = hours
        self.topics = topics
        self.subjects = subjects
        self.start = start
        self.end = end
        self.seatsLeft = seatsLeft
        self.providerRank = ProviderRank(provider: provider)
        self.foldedTopics = Set(topics.map(CellValue.fold))
    }

    public func covers(_ topic: String) -> Bool { foldedTopics.contains(CellValue.fold(topic)) }

    /// The order of preference of both planners: state and municipal providers first, then
    /// the fewest hours, then the most seats left.
    public var preference: (ProviderRank, Double, Int, Int64) { (providerRank, hours, -(seatsLeft ?? Int.max / 2), id) }

    public var label: String { (code.map { "\($0) " } ?? "") + "«\(title)», \(provider), \(Cell0.hours(hours)) ч" }
}
