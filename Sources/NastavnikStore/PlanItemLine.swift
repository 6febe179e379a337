import NastavnikCore

/// A plan item as stored.
public struct PlanItemLine: Sendable, Equatable {
    public var id: Int64
    public var position: Int
    public var kind: PlanItemKind
    public var topic: String?
    public var description: String
    public var deadline: LocalDate?
    public var expectedResult: String?
    public var status: PlanItemStatus
    public var evidence: String?
    public var closedAt: LocalDate?
}
