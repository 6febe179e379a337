import NastavnikCore

/// Which occurrences to list.
public struct OccurrenceFilter: Sendable {
    public var roadmap: String?
    public var dueWithinDays: Int?
    public var overdueOnly = false
    public var responsible: String?
    /// Only occurrences that overlap this range.
    public var within: ClosedRange<LocalDate>?
    /// Only occurrences with this status on the date asked for (`overdue` as `overdueOnly`).
    public var status: OccurrenceStatus?
    /// Only occurrences of this school (its code): an activity given to the school (the roadmap
    /// file's «Код ОО» column) or, without one, an activity of a roadmap imported for it
    /// (`import roadmap --school`). A municipal roadmap's activities belong to no school.
    public var schoolCode: String?

    public init(
        roadmap: String? = nil, dueWithinDays: Int? = nil, overdueOnly: Bool = false, responsible: String? = nil,
        within: ClosedRange<LocalDate>? = nil, status: OccurrenceStatus? = nil, schoolCode: String? = nil
    ) {
        (self.roadmap, self.dueWithinDays, self.overdueOnly, self.responsible, self.within) =
            (roadmap, dueWithinDays, overdueOnly, responsible, within)
        (self.status, self.schoolCode) = (status, schoolCode)
    }
}
