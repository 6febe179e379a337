/// A line of the training order.
public struct OrderAssignment: Sendable, Equatable {
    public var candidate: OrderCandidate
    public var course: PlanCourse?
}
