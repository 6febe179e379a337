import NastavnikCore

/// What a department asks the seminar planner for: the topic, the window, the groups' size and the event's details.
public struct SeminarRequest: Sendable, Equatable {
    public var topic: String
    /// From this day; by default two weeks after today.
    public var from: LocalDate?
    /// Up to this day; by default two months after the start.
    public var to: LocalDate?
    public var capacity: Int
    /// The kind as written (`EventKind(userValue:)`), «семинар» by default.
    public var kind: String
    public var startTime: String
    public var minutes: Int
    /// The roadmap occurrence the events fulfil.
    public var activity: Int64?

    public init(
        topic: String, from: LocalDate? = nil, to: LocalDate? = nil, capacity: Int = 25, kind: String = "семинар",
        startTime: String = "14:00", minutes: Int = 90, activity: Int64? = nil
    ) {
        self.topic = topic
        self.from = from
        self.to = to
        self.capacity = capacity
        self.kind = kind
        self.startTime = startTime
        self.minutes = minutes
        self.activity = activity
    }
}
