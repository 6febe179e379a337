/// Something that reaches a worker: an event they attended, or a mentoring pair in which they
/// are the mentee (Ставрополь 2.1 bundles «тьюторство (наставничество)» with the events).
public struct Participation: Sendable, Equatable {
    public enum Activity: Sendable, Equatable, Hashable {
        case event(EventKind)
        case mentoring
    }
    public var staffRowID: Int64
    public var activity: Activity
    /// The day of the event, or the mentoring pair's start (`nil`: unknown, counted as begun).
    public var from: LocalDate?
    /// The same day for an event; the pair's end (`nil`: still active).
    public var to: LocalDate?

    public init(staffRowID: Int64, activity: Activity, from: LocalDate?, to: LocalDate?) {
        self.staffRowID = staffRowID
        self.activity = activity
        self.from = from
        self.to = to
    }

    func overlaps(_ period: ClosedRange<LocalDate>) -> Bool {
        (from.map { $0 <= period.upperBound } ?? true) && (to.map { $0 >= period.lowerBound } ?? true)
    }
}
