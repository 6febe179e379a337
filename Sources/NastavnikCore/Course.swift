/// An in-service training programme (программа повышения квалификации) in the catalogue.
public struct Course: Hashable, Sendable, Codable {
    public var code: String?
    public var title: String
    public var provider: String
    public var hours: Double
    public var format: String?
    /// Topics matched against teachers' deficits.
    public var topics: [String]
    public var subjects: [String]
    public var start: LocalDate?
    public var end: LocalDate?
    public var seats: Int?
    /// Taken outside the catalogue: joined it from a training record.
    public var external: Bool

    public init(
        code: String? = nil, title: String, provider: String, hours: Double, format: String? = nil,
        topics: [String] = [], subjects: [String] = [], start: LocalDate? = nil, end: LocalDate? = nil,
        seats: Int? = nil, external: Bool = false
    ) {
        self.code = code
        self.title = title
        self.provider = provider
        self.hours = hours
        self.format = format
        self.topics = topics
        self.subjects = subjects
        self.start = start
        self.end = end
        self.seats = seats
        self.external = external
    }

    /// The identity of a course: its code, else its folded title and provider.
    public var courseKey: String {
        if let code, !code.isEmpty { return "code:" + code }
        return "tp:" + CellValue.fold(title) + "|" + CellValue.fold(provider)
    }
}
