/// What `plans generate` did.
public struct PlanGeneration: Sendable, Equatable {
    /// The school year's label, «2026/27».
    public var label = ""
    public var created = 0
    public var revised = 0
    public var unchanged = 0
    public var carriedOverItems = 0
    public var teachers = 0
}
