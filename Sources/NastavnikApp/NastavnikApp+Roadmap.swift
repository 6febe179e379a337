import NastavnikCore
import NastavnikReports
import NastavnikStore

extension NastavnikApp {
    /// The roadmaps loaded, with their activities counted.
    public func roadmaps() async throws -> [RoadmapSummary] { try database.roadmaps() }

    /// The terms of the roadmaps' activities matching `filter`, with their statuses as of `date`.
    public func occurrences(_ filter: OccurrenceFilter, asOf date: LocalDate) async throws -> [OccurrenceRow] {
        try database.occurrences(filter, asOf: date)
    }

    /// Marks term `id` with `status` and its evidence; returns the status it had.
    public func markOccurrence(
        id: Int64, status: OccurrenceStatus, date: LocalDate, evidence: String?, note: String?,
        by actor: String
    ) async throws -> OccurrenceStatus {
        try database.markOccurrence(id: id, status: status, date: date, evidence: evidence, note: note, by: actor)
    }

    /// The statuses term `id` went through, oldest first.
    public func occurrenceHistory(id: Int64) async throws
        -> [(status: OccurrenceStatus, date: LocalDate, evidence: String?, note: String?, by: String?)]
    {
        try database.occurrenceHistory(id: id)
    }

    /// The roadmaps' terms (one roadmap's, or all) as a named calendar, statuses as of `date`.
    public func roadmapCalendar(roadmap: String?, asOf date: LocalDate) async throws -> (
        name: String, entries: [ICalendarWriter.Entry]
    ) {
        let rows = try database.occurrences(OccurrenceFilter(roadmap: roadmap), asOf: date)
        return (RoadmapCalendarBuilder.name(rows, roadmap: roadmap), RoadmapCalendarBuilder.entries(rows))
    }

    /// The monitoring report for `period` (`periodText` as the user wrote it, for the title):
    /// done, overdue and due next, with statuses as they stood at the end of the period.
    public func roadmapReport(period: ClosedRange<LocalDate>, periodText: String, roadmap: String?) async throws
        -> Report
    {
        let all = try database.occurrences(OccurrenceFilter(roadmap: roadmap), asOf: period.upperBound.adding(days: 1))
        return RoadmapReportBuilder.build(all, period: period, periodText: periodText)
    }
}
