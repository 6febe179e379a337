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
    /// Only the activities of this school: an activity given to the school (the roadmap file's
    /// «Код ОО» column), an activity of a roadmap imported for it (`import roadmap --school`), or
    /// one whose responsible person works there (a name the import linked to a staff member).
    public var schoolCode: String?
    /// Only the activities of the municipal roadmaps (not a school's own) whose responsible
    /// name the schools themselves (`SchoolResponsibility`: «Руководители ОО»): every school's.
    public var namingSchools = false
    /// Only the open occurrences: planned, in progress or overdue on the date (not done, not
    /// cancelled — what was recorded, as `OccurrenceStatus.effective` keeps those two).
    public var openOnly = false

    public init(
        roadmap: String? = nil, dueWithinDays: Int? = nil, overdueOnly: Bool = false, responsible: String? = nil,
        within: ClosedRange<LocalDate>? = nil, status: OccurrenceStatus? = nil, schoolCode: String? = nil,
        namingSchools: Bool = false, openOnly: Bool = false
    ) {
        (self.roadmap, self.dueWithinDays, self.overdueOnly, self.responsible, self.within) =
            (roadmap, dueWithinDays, overdueOnly, responsible, within)
        (self.status, self.schoolCode, self.namingSchools, self.openOnly) =
            (status, schoolCode, namingSchools, openOnly)
    }
}
