/// A planned seminar or master class.
public struct PlanEvent: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var topic: String
    public var date: LocalDate
    public init(id: Int64, title: String, topic: String, date: LocalDate) {
        self.id = id
        self.title = title
        self.topic = topic
        self.date = date
    }
}
