/// A development plan with its teacher and items.
public struct PlanLine: Sendable, Equatable {
    public var id: Int64
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var schoolName: String
    public var position: String
    public var schoolYear: String
    public var version: Int
    public var createdAt: String
    public var current: Bool
    public var items: [PlanItemLine]
}
