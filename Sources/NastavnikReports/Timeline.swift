import NastavnikCore

/// Gantt-like rows between two dates, with a line for today. A row is an activity; a
/// recurring activity has a segment per occurrence.
public struct Timeline: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var start: LocalDate
        public var end: LocalDate
        /// planned, inProgress, done, overdue or cancelled: the segment's colour.
        public var status: String?
    }

    public struct Row: Sendable, Equatable {
        public var label: String
        public var segments: [Segment]
    }

    public var title: String
    public var rows: [Row]
    public var today: LocalDate
}
