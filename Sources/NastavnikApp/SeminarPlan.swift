import NastavnikCore

/// The sessions the planner proposes, and their numbers once saved.
public struct SeminarPlan: Sendable, Equatable {
    public var sessions: [SeminarSession]
    public var kind: EventKind
    public var topic: String
    /// The saved events' numbers (`seminars create`); empty for a proposal.
    public var eventIDs: [Int64]
}
