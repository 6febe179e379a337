import NastavnikCore

/// One occurrence of a roadmap activity, as `roadmap list` and the reports show it.
public struct OccurrenceRow: Sendable, Equatable {
    public var id: Int64
    public var roadmapKey: String
    public var roadmapTitle: String
    public var activityID: Int64
    public var number: String?
    public var direction: String?
    public var activity: String
    public var term: String
    public var termFlag: TermFlag?
    public var start: LocalDate?
    public var end: LocalDate?
    public var recurrence: Recurrence?
    /// «До 25.11.2020»: a deadline, not a period of work.
    public var isDeadline: Bool
    public var storedStatus: OccurrenceStatus
    public var status: OccurrenceStatus
    public var responsible: String?
    public var result: String?
    /// The latest recorded change: its evidence document and date.
    public var evidence: String?
    public var statusDate: LocalDate?
    public var note: String?
    /// The school the occurrence belongs to (`OccurrenceFilter.schoolCode`), nil for a municipal one.
    public var schoolCode: String? = nil
    /// The activity's indicator (an anti-risk programme's measure; issue 21).
    public var indicator: String? = nil
}
