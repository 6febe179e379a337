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
    /// An anti-risk programme's risk factor (issue 21); the file's «Фактор риска» otherwise.
    public var factor: RiskFactor?
    /// An anti-risk programme's goal; the file's «Цель программы» otherwise.
    public var goal: String?
    /// Whether the file must be an anti-risk programme (`programmes import`): without a factor
    /// it is refused, and its period defaults to its school year.
    public var isProgramme = false

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
