/// What `PlanGenerator.decide` settles for one teacher: the items of their plan, and the open
/// items of the earlier year's plan that move into it.
public struct PlanDecision: Sendable, Equatable {
    public var teacherID: Int64
    public var drafts: [PlanItemDraft]
    /// Items of the earlier plan now carried over (not those an earlier run already carried).
    public var carriedItemIDs: [Int64]
}
