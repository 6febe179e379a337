import NastavnikCore

/// The training order of a calendar year: who is sent on which course, and the department it is
/// drawn up for.
public struct TrainingOrder: Sendable, Equatable {
    public var year: Int
    public var assignments: [OrderAssignment]
    /// The municipality the order's department serves, when the schools name it.
    public var municipality: String?
}
