import NastavnikCore

/// A dated roadmap occurrence for the timeline.
public struct OccurrenceLine: Sendable, Equatable {
    public var roadmap: String
    public var number: String?
    public var activity: String
    public var start: LocalDate
    public var end: LocalDate
    public var status: String
}
