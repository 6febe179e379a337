/// A worker of a school as the staff indicators read them.
public struct IndicatorPerson: Sendable, Equatable {
    /// The staff row's id in the database.
    public var id: Int64
    public var schoolCode: String
    public var kind: PositionKind
    /// The end of the last counting training (completed, of the rule's hours).
    public var lastTrainingEnd: LocalDate?

    public init(id: Int64, schoolCode: String, kind: PositionKind, lastTrainingEnd: LocalDate? = nil) {
        self.id = id
        self.schoolCode = schoolCode
        self.kind = kind
        self.lastTrainingEnd = lastTrainingEnd
    }
}
