/// One item of a drafted plan.
public struct PlanItemDraft: Sendable, Equatable, Hashable {
    public var kind: PlanItemKind
    public var topic: String?
    public var description: String
    public var courseID: Int64?
    public var eventID: Int64?
    public var colleagueID: Int64?
    public var deadline: LocalDate
    public var expectedResult: String

    public init(
        kind: PlanItemKind, topic: String?, description: String, courseID: Int64? = nil, eventID: Int64? = nil,
        colleagueID: Int64? = nil, deadline: LocalDate, expectedResult: String
    ) {
        self.kind = kind
        self.topic = topic
        self.description = description
        self.courseID = courseID
        self.eventID = eventID
        self.colleagueID = colleagueID
        self.deadline = deadline
        self.expectedResult = expectedResult
    }

    /// What identifies an item across versions: its form, topic and what it refers to.
    public var identity: String {
        "\(kind.rawValue)|\(CellValue.fold(topic ?? ""))|\(courseID ?? 0)|\(eventID ?? 0)|\(colleagueID ?? 0)"
    }
}
