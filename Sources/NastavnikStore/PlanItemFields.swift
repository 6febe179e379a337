import NastavnikCore

/// A plan item as a person types it (the web's forms «Добавить пункт», «Изменить пункт»).
public struct PlanItemFields: Sendable, Equatable {
    public var kind: PlanItemKind
    /// The deficit's topic the item addresses, if any.
    public var topic: String?
    /// What is to be done (the printed plan's «Мероприятие»).
    public var description: String
    public var deadline: LocalDate
    public var expectedResult: String?

    public init(
        kind: PlanItemKind, topic: String?, description: String, deadline: LocalDate, expectedResult: String?
    ) {
        self.kind = kind
        self.topic = topic
        self.description = description
        self.deadline = deadline
        self.expectedResult = expectedResult
    }
}
