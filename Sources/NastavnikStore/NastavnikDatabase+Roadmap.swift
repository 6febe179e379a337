import Foundation
import GRDB
import NastavnikCore

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
            var sql: SQL = """
                SELECT o.id, r.roadmap_key, r.title, a.id AS activity_id, a.number, d.title AS direction, a.text, a.term, a.term_flag,
                       o.start_date, o.end_date, o.recurrence, o.deadline, o.status, a.responsible, a.result,
                       h.evidence, h.date AS status_date, h.note, coalesce(sa.code, sr.code) AS school_code,
                       a.indicator
                FROM activity_occurrence o
                JOIN activity a ON a.id = o.activity_id
                JOIN roadmap r ON r.id = a.roadmap_id
                LEFT JOIN school sa ON sa.id = a.school_id
                LEFT JOIN school sr ON sr.id = r.school_id
                LEFT JOIN roadmap_direction d ON d.id = a.direction_id
                LEFT JOIN occurrence_status_change h ON h.id = (SELECT max(id) FROM occurrence_status_change WHERE occurrence_id = o.id)
                """
            var conditions: [SQL] = []
            if let key = filter.roadmap {
                guard
                    let id = try Int64.fetchOne(
                        db, sql: "SELECT id FROM roadmap WHERE roadmap_key = ? OR CAST(id AS TEXT) = ?",
                        arguments: [key, key])
                else {
                    throw StoreError.notFound(what: "дорожная карта", key: key)
                }
                conditions.append("r.id = \(id)")
            }
            // The school's activities: given to it (the roadmap file's «Код ОО»), of a roadmap
            // imported for it, or with a responsible person working there. The people's
            // activities are one list read once (not once per activity).
            if let code = filter.schoolCode {
                conditions.append(
                    """
                    (a.school_id = (SELECT id FROM school WHERE code = \(code))
                     OR r.school_id = (SELECT id FROM school WHERE code = \(code))
                     OR a.id IN (SELECT ar.activity_id FROM activity_responsible ar JOIN staff st ON st.id = ar.staff_id
                                 JOIN school s3 ON s3.id = st.school_id WHERE s3.code = \(code)))
                    """)
            }
            // The schools' filter narrows the rows in SQL too; its test below stays the definition.
            if filter.namingSchools { conditions.append("r.school_id IS NULL") }
            if filter.openOnly { conditions.append("o.status NOT IN ('done', 'cancelled')") }
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY r.id, a.position, o.sequence"
            let fetched = try Row.fetchAll(db, SQLRequest(literal: sql, cached: true))
            let c = RowColumns(fetched.first)
            func day(_ row: Row, _ column: String) -> LocalDate? {
                (row[c(column)] as String?).flatMap { LocalDate(parsing: $0) }
            }
            var rows = fetched.map { row -> OccurrenceRow in
                let start = day(row, "start_date")
                let end = day(row, "end_date")
                let stored = OccurrenceStatus(rawValue: row[c("status")]) ?? .planned
                return OccurrenceRow(
                    id: row[c("id")], roadmapKey: row[c("roadmap_key")], roadmapTitle: row[c("title")],
                    activityID: row[c("activity_id")],
                    number: row[c("number")], direction: row[c("direction")], activity: row[c("text")],
                    term: row[c("term")],
                    termFlag: (row[c("term_flag")] as String?).flatMap(TermFlag.init(rawValue:)), start: start,
                    end: end,
                    recurrence: (row[c("recurrence")] as String?).flatMap(Recurrence.init(rawValue:)),
                    isDeadline: row[c("deadline")],
                    storedStatus: stored,
                    status: OccurrenceStatus.effective(stored: stored, start: start, end: end, asOf: date),
                    responsible: row[c("responsible")], result: row[c("result")], evidence: row[c("evidence")],
                    statusDate: day(row, "status_date"), note: row[c("note")], schoolCode: row[c("school_code")],
                    indicator: row[c("indicator")])
            }
            if filter.overdueOnly { rows = rows.filter { $0.status == .overdue } }
            if filter.openOnly { rows = rows.filter { $0.status != .done && $0.status != .cancelled } }
            if let status = filter.status { rows = rows.filter { $0.status == status } }
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
            if filter.namingSchools {
                let schoolsOwn = Set(
                    try String.fetchAll(db, sql: "SELECT roadmap_key FROM roadmap WHERE school_id IS NOT NULL"))
                // Activities repeat their responsible text in each occurrence: judged once each.
                var names: [String: Bool] = [:]
                rows = rows.filter { row in
                    guard !schoolsOwn.contains(row.roadmapKey), let responsible = row.responsible else { return false }
                    if let known = names[responsible] { return known }
                    let naming = SchoolResponsibility.namesSchools(responsible)
                    names[responsible] = naming
                    return naming
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
    /// refuses, or «выполнено» without evidence, and `StaleRecordError` when `expectedVersion`
    /// (`occurrenceVersion`, as a form was opened with) is no longer the occurrence's. `file`,
    /// the evidence document itself, is stored with the mark in the same transaction.
    @discardableResult
    public func markOccurrence(
        id: Int64, status: OccurrenceStatus, date: LocalDate, evidence: String?, note: String?,
        by: String?, today: LocalDate = .today(), expectedVersion: Int64? = nil, file: EvidenceAttachment? = nil
    ) throws -> OccurrenceStatus {
        try write { db in
            guard
                let old = try String.fetchOne(
                    db, sql: "SELECT status FROM activity_occurrence WHERE id = ?", arguments: [id])
            else {
                throw StoreError.notFound(what: "срок мероприятия №", key: String(id))
            }
            // Checked in the writing transaction: no change can come between the check and the write.
            if let expectedVersion {
                let latest = try Self.latestStatusChange(db, occurrence: id)
                if (latest?.id ?? 0) != expectedVersion { throw StaleRecordError(by: latest?.by, at: latest?.at ?? "") }
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
            // The mark and its file are one transaction: a file the rule refuses leaves no mark.
            if let file {
                _ = try Self.insertEvidence(db, file, occurrence: id, statusChange: db.lastInsertedRowID, by: by)
            }
            return OccurrenceStatus(rawValue: old) ?? .planned
        }
    }

    /// The version of an occurrence a form is opened with: the number of its latest status
    /// change (0 before the first). Every mark adds a change, so a mark made since shows.
    public func occurrenceVersion(id: Int64) throws -> Int64 {
        try reader.read { db in try Self.latestStatusChange(db, occurrence: id)?.id ?? 0 }
    }

    static func latestStatusChange(_ db: Database, occurrence id: Int64) throws -> (
        id: Int64, by: String?, at: String
    )? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT id, recorded_by, recorded_at FROM occurrence_status_change
                WHERE occurrence_id = ? ORDER BY id DESC LIMIT 1
                """, arguments: [id]
        ).map { ($0["id"], $0["recorded_by"], $0["recorded_at"]) }
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
