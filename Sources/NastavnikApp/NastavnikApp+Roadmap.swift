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

    /// Marks term `id` with `status` and its evidence; returns the status it had. With
    /// `expectedVersion` (the `occurrenceVersion` a form was opened with), a term marked since
    /// is left as it is and `StaleRecordError` names who marked it and when. `file`, the
    /// evidence document itself, is stored with the mark, all or nothing.
    public func markOccurrence(
        id: Int64, status: OccurrenceStatus, date: LocalDate, evidence: String?, note: String?,
        by actor: String, expectedVersion: Int64? = nil, file: EvidenceAttachment? = nil
    ) async throws -> OccurrenceStatus {
        try database.markOccurrence(
            id: id, status: status, date: date, evidence: evidence, note: note, by: actor,
            expectedVersion: expectedVersion, file: file)
    }

    /// The version of term `id` a form to mark it carries (see `markOccurrence`).
    public func occurrenceVersion(id: Int64) async throws -> Int64 { try database.occurrenceVersion(id: id) }

    /// What is wrong with a mark, field by field (`date`, `evidence`), for a form that shows each
    /// problem beside its field; `markOccurrence` refuses the same marks.
    public static func occurrenceMarkProblems(
        status: OccurrenceStatus, date: LocalDate, evidence: String?, today: LocalDate
    ) -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        if let problem = OccurrenceMarkRule.dateProblem(date, today: today) { problems.append(("date", problem)) }
        if status == .done, (evidence ?? "").isEmpty {
            problems.append(
                ("evidence", "Для отметки «выполнено» укажите документ-основание: название и номер документа."))
        }
        return problems
    }

    /// The statuses term `id` went through, oldest first.
    public func occurrenceHistory(id: Int64) async throws
        -> [(status: OccurrenceStatus, date: LocalDate, evidence: String?, note: String?, by: String?)]
    {
        try database.occurrenceHistory(id: id)
    }

    /// One term with its status as of `date`; throws `StoreError.notFound` for an unknown id.
    public func occurrence(id: Int64, asOf date: LocalDate) async throws -> OccurrenceRow {
        // A roadmap has hundreds of terms, not more: reading them all keeps one query for every list.
        guard let row = try database.occurrences(asOf: date).first(where: { $0.id == id }) else {
            throw StoreError.notFound(what: "срок мероприятия №", key: String(id))
        }
        return row
    }

    /// The roadmaps' terms (one roadmap's, or all) as a named calendar, statuses as of `date`.
    public func roadmapCalendar(roadmap: String?, asOf date: LocalDate) async throws -> (
        name: String, entries: [ICalendarWriter.Entry]
    ) {
        try await roadmapCalendar(OccurrenceFilter(roadmap: roadmap), asOf: date)
    }

    /// The terms `filter` chooses as a named calendar, statuses as of `date`.
    public func roadmapCalendar(_ filter: OccurrenceFilter, asOf date: LocalDate) async throws -> (
        name: String, entries: [ICalendarWriter.Entry]
    ) {
        let rows = try database.occurrences(filter, asOf: date)
        return (RoadmapCalendarBuilder.name(rows, roadmap: filter.roadmap), RoadmapCalendarBuilder.entries(rows))
    }

    /// The monitoring report for `period` (`periodText` as the user wrote it, for the title):
    /// done, overdue and due next, with statuses as they stood at the end of the period.
    /// With `schoolCode`, only that school's terms (`OccurrenceFilter.schoolCode`).
    public func roadmapReport(
        period: ClosedRange<LocalDate>, periodText: String, roadmap: String?, schoolCode: String? = nil
    ) async throws -> Report {
        let all = try database.occurrences(
            OccurrenceFilter(roadmap: roadmap, schoolCode: schoolCode), asOf: period.upperBound.adding(days: 1))
        return RoadmapReportBuilder.build(all, period: period, periodText: periodText)
    }
}
