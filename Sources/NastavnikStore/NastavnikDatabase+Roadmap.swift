import Foundation
import GRDB
import NastavnikCore

/// The statuses an occurrence goes through.
public enum OccurrenceStatus: String, CaseIterable, Codable, Sendable {
    case planned, inProgress, done, overdue, cancelled

    public var russian: String {
        switch self {
        case .planned: "запланировано"
        case .inProgress: "выполняется"
        case .done: "выполнено"
        case .overdue: "просрочено"
        case .cancelled: "отменено"
        }
    }

    public init?(userValue: String) {
        if let value = OccurrenceStatus(rawValue: userValue) {
            self = value
            return
        }
        switch CellValue.fold(userValue) {
        case "запланировано", "план", "planned": self = .planned
        case "выполняется", "в работе", "in-progress", "inprogress": self = .inProgress
        case "выполнено", "сделано", "готово", "done": self = .done
        case "просрочено", "overdue": self = .overdue
        case "отменено", "отмена", "cancelled", "canceled": self = .cancelled
        default: return nil
        }
    }

    /// The status on `date`: what was recorded, unless the occurrence's end has passed
    /// without it being done or cancelled (overdue), or its window is open (in progress).
    public static func effective(stored: OccurrenceStatus, start: LocalDate?, end: LocalDate?, asOf date: LocalDate)
        -> OccurrenceStatus
    {
        switch stored {
        case .done, .cancelled: return stored
        default:
            guard let end else { return stored }
            if end < date { return .overdue }
            if stored == .inProgress { return .inProgress }
            if let start, start <= date { return .inProgress }
            return .planned
        }
    }
}

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
}

/// Which occurrences to list.
public struct OccurrenceFilter: Sendable {
    public var roadmap: String?
    public var dueWithinDays: Int?
    public var overdueOnly = false
    public var responsible: String?
    /// Only occurrences that overlap this range.
    public var within: ClosedRange<LocalDate>?

    public init(
        roadmap: String? = nil, dueWithinDays: Int? = nil, overdueOnly: Bool = false, responsible: String? = nil,
        within: ClosedRange<LocalDate>? = nil
    ) {
        (self.roadmap, self.dueWithinDays, self.overdueOnly, self.responsible, self.within) =
            (roadmap, dueWithinDays, overdueOnly, responsible, within)
    }
}

/// A roadmap as `roadmap list --roadmaps` shows it.
public struct RoadmapSummary: Sendable, Equatable {
    public var id: Int64
    public var key: String
    public var title: String
    public var periodStart: LocalDate?
    public var periodEnd: LocalDate?
    public var orderRef: String?
    public var activities: Int
}

extension NastavnikDatabase {
    /// Every roadmap with its number of activities, in the order they were loaded.
    public func roadmaps() throws -> [RoadmapSummary] {
        try reader.read { db in try Self.roadmaps(db) }
    }

    static func roadmaps(_ db: Database) throws -> [RoadmapSummary] {
        try RoadmapSummary.fetchAll(
            db,
            sql: """
                SELECT r.id, r.roadmap_key, r.title, r.period_start, r.period_end, r.order_ref, count(a.id) AS activities
                FROM roadmap r LEFT JOIN activity a ON a.roadmap_id = r.id GROUP BY r.id ORDER BY r.id
                """)
    }

    /// Occurrences of the roadmaps' activities, with their status on `date`; throws
    /// `StoreError.notFound` for a roadmap the filter names that is not stored.
    public func occurrences(_ filter: OccurrenceFilter = OccurrenceFilter(), asOf date: LocalDate) throws
        -> [OccurrenceRow]
    {
        try reader.read { db in
            var sql = """
                SELECT o.id, r.roadmap_key, r.title, a.id AS activity_id, a.number, d.title AS direction, a.text, a.term, a.term_flag,
                       o.start_date, o.end_date, o.recurrence, o.deadline, o.status, a.responsible, a.result,
                       h.evidence, h.date AS status_date, h.note
                FROM activity_occurrence o
                JOIN activity a ON a.id = o.activity_id
                JOIN roadmap r ON r.id = a.roadmap_id
                LEFT JOIN roadmap_direction d ON d.id = a.direction_id
                LEFT JOIN occurrence_status_change h ON h.id = (SELECT max(id) FROM occurrence_status_change WHERE occurrence_id = o.id)
                """
            var arguments: StatementArguments = []
            if let key = filter.roadmap {
                guard
                    let id = try Int64.fetchOne(
                        db, sql: "SELECT id FROM roadmap WHERE roadmap_key = ? OR CAST(id AS TEXT) = ?",
                        arguments: [key, key])
                else {
                    throw StoreError.notFound(what: "дорожная карта", key: key)
                }
                sql += " WHERE r.id = ?"
                arguments += [id]
            }
            sql += " ORDER BY r.id, a.position, o.sequence"
            var rows = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row -> OccurrenceRow in
                let start = row.date("start_date")
                let end = row.date("end_date")
                let stored = OccurrenceStatus(rawValue: row["status"]) ?? .planned
                return OccurrenceRow(
                    id: row["id"], roadmapKey: row["roadmap_key"], roadmapTitle: row["title"],
                    activityID: row["activity_id"],
                    number: row["number"], direction: row["direction"], activity: row["text"], term: row["term"],
                    termFlag: (row["term_flag"] as String?).flatMap(TermFlag.init(rawValue:)), start: start, end: end,
                    recurrence: (row["recurrence"] as String?).flatMap(Recurrence.init(rawValue:)),
                    isDeadline: row["deadline"],
                    storedStatus: stored,
                    status: OccurrenceStatus.effective(stored: stored, start: start, end: end, asOf: date),
                    responsible: row["responsible"], result: row["result"], evidence: row["evidence"],
                    statusDate: row.date("status_date"), note: row["note"])
            }
            if filter.overdueOnly { rows = rows.filter { $0.status == .overdue } }
            if let days = filter.dueWithinDays {
                let limit = date.adding(days: days)
                rows = rows.filter { row in
                    guard let end = row.end, row.status != .done, row.status != .cancelled else { return false }
                    return end >= date && end <= limit
                }
            }
            if let range = filter.within {
                rows = rows.filter { row in
                    guard let start = row.start, let end = row.end else { return false }
                    return start <= range.upperBound && end >= range.lowerBound
                }
            }
            if let name = filter.responsible {
                let linked = Set(
                    try Int64.fetchAll(
                        db,
                        sql: """
                            SELECT ar.activity_id FROM activity_responsible ar JOIN staff s ON s.id = ar.staff_id
                            WHERE s.id IN (SELECT id FROM staff WHERE person_key = 'id:' || ?)
                            """, arguments: [name]))
                // «Шурыгина А.А.» finds «А.А. Шурыгина» and «А.А.Шурыгина» (one normalisation, PersonName.key).
                rows = rows.filter { row in
                    PersonName.cell(row.responsible, names: name) || linked.contains(row.activityID)
                }
            }
            return rows
        }
    }

    /// Records a status of an occurrence with its evidence; the history keeps every change.
    /// Returns the status it had; throws `StoreError` for an unknown occurrence, a date the rule
    /// refuses, or «выполнено» without evidence.
    @discardableResult
    public func markOccurrence(
        id: Int64, status: OccurrenceStatus, date: LocalDate, evidence: String?, note: String?,
        by: String?, today: LocalDate = .today()
    ) throws -> OccurrenceStatus {
        try writer.write { db in
            guard
                let old = try String.fetchOne(
                    db, sql: "SELECT status FROM activity_occurrence WHERE id = ?", arguments: [id])
            else {
                throw StoreError.notFound(what: "срок мероприятия №", key: String(id))
            }
            if let problem = OccurrenceMarkRule.dateProblem(date, today: today) { throw StoreError.invalid(problem) }
            if status == .done, (evidence ?? "").isEmpty {
                throw StoreError.invalid("Для отметки «выполнено» укажите документ-основание: --evidence «Приказ № …».")
            }
            try db.execute(
                sql: "UPDATE activity_occurrence SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
            try db.execute(
                sql: """
                    INSERT INTO occurrence_status_change (occurrence_id, status, date, evidence, note, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, status.rawValue, date.iso, evidence, note, ISO8601DateFormatter().string(from: Date()), by,
                ])
            return OccurrenceStatus(rawValue: old) ?? .planned
        }
    }

    /// The history of one occurrence's statuses, oldest first.
    public func occurrenceHistory(id: Int64) throws -> [(
        status: OccurrenceStatus, date: LocalDate, evidence: String?, note: String?, by: String?
    )] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT status, date, evidence, note, recorded_by FROM occurrence_status_change WHERE occurrence_id = ? ORDER BY id",
                arguments: [id]
            ).map { row in
                (
                    OccurrenceStatus(rawValue: row["status"]) ?? .planned, row.date("date")!, row["evidence"],
                    row["note"], row["recorded_by"]
                )
            }
        }
    }
}

extension RoadmapSummary: FetchableRecord {
    /// A row of `roadmap` (`id`, `roadmap_key`, `title`, `period_start`, `period_end`,
    /// `order_ref`) with its number of `activities`.
    public init(row: Row) throws {
        self.init(
            id: row["id"], key: row["roadmap_key"], title: row["title"], periodStart: row.date("period_start"),
            periodEnd: row.date("period_end"), orderRef: row["order_ref"], activities: row["activities"])
    }
}
