import NastavnikCore

/// How a roadmap file is described beyond its rows.
public struct RoadmapOptions: Sendable {
    /// The roadmap's identity; defaults to the file's name without extension.
    public var key: String?
    public var title: String?
    public var periodStart: LocalDate?
    public var periodEnd: LocalDate?
    public var orderRef: String?
    /// For a school's own roadmap.
    public var schoolCode: String?

    public init(
        key: String? = nil, title: String? = nil, periodStart: LocalDate? = nil, periodEnd: LocalDate? = nil,
        orderRef: String? = nil, schoolCode: String? = nil
    ) {
        self.key = key
        self.title = title
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.orderRef = orderRef
        self.schoolCode = schoolCode
    }
}
