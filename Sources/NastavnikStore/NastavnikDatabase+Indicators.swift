import Foundation
import GRDB
import NastavnikCore

// The inputs of the staff indicators, coverage and the diagnostic summary; the rules that
// count them are in NastavnikCore (`StaffIndicators`, `Coverage`, `StaffPopulation`).
extension NastavnikDatabase {
    /// Every school (or one) with its official statuses.
    /// Reads the schools and their statuses only: `schools()` counts every school's staff too,
    /// a second on a country's database.
    public func indicatorSchools(schoolCode: String? = nil) throws -> [IndicatorSchool] {
        try reader.read { db in
            if let schoolCode {
                // One school: its row and statuses, not the 40,000 of a country's file.
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT id, name FROM school WHERE code = ?", arguments: [schoolCode])
                else { return [] }
                let id: Int64 = row["id"]
                return [
                    IndicatorSchool(
                        code: schoolCode, name: row["name"], statuses: try Self.statuses(db, schoolID: id)[id] ?? [])
                ]
            }
            let statuses = try Self.statuses(db)
            return try Row.fetchAll(db, sql: "SELECT id, code, name FROM school ORDER BY code").map { row in
                IndicatorSchool(code: row["code"], name: row["name"], statuses: statuses[row["id"]] ?? [])
            }
        }
    }

    /// Every worker (of every kind) with the end of their last counting training on `date`.
    public func indicatorStaff(asOf date: LocalDate, schoolCode: String? = nil) throws -> [IndicatorPerson] {
        var lastEnd: [Int64: LocalDate] = [:]
        for line in try trainingStatus(asOf: date, schoolCode: schoolCode) {
            if let end = line.lastTrainingEnd { lastEnd[line.rowID] = end }
        }
        return try reader.read { db in
            var sql: SQL =
                "SELECT st.id, s.code AS school_code, st.position_kind FROM staff st JOIN school s ON s.id = st.school_id"
            if let schoolCode { sql += " WHERE s.code = \(schoolCode)" }
            return try Row.fetchAll(db, SQLRequest(literal: sql)).compactMap { row in
                guard let kind = PositionKind(rawValue: row["position_kind"]) else { return nil }
                let id: Int64 = row["id"]
                return IndicatorPerson(id: id, schoolCode: row["school_code"], kind: kind, lastTrainingEnd: lastEnd[id])
            }
        }
    }

    /// The workers some participation reaches (an attended event, a mentoring pair as mentee),
    /// without their trainings: what coverage counts as reached, read without the whole staff.
    public func participantStaff() throws -> [IndicatorPerson] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT st.id, s.code AS school_code, st.position_kind FROM staff st JOIN school s ON s.id = st.school_id
                    WHERE st.id IN (SELECT staff_id FROM event_participant WHERE attended = 1 UNION SELECT mentee_id FROM mentorship)
                    """
            ).compactMap { row in
                guard let kind = PositionKind(rawValue: row["position_kind"]) else { return nil }
                return IndicatorPerson(id: row["id"], schoolCode: row["school_code"], kind: kind)
            }
        }
    }

    /// Every diagnostic result (of every campaign) with the person's kind and the campaign's date.
    public func diagnosticRecords(schoolCode: String? = nil) throws -> [DiagnosticRecord] {
        try reader.read { db in
            let deficits = try Self.deficitTopics(db, schoolCode: schoolCode)
            var sql: SQL = """
                SELECT r.id, st.id AS staff_row_id, st.staff_id, st.full_name, s.code AS school_code, s.name AS school_name,
                       st.position_kind, c.id AS campaign_id, c.date, r.consent,
                       r.subject_score, r.methodological_score, r.psychological_score, r.communicative_score
                FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                JOIN staff st ON st.id = r.staff_id JOIN school s ON s.id = st.school_id
                """
            if let schoolCode { sql += " WHERE s.code = \(schoolCode)" }
            return try Row.fetchAll(
                db, SQLRequest(literal: sql + " ORDER BY s.code, st.full_name, c.date", cached: true)
            )
            .compactMap { row in
                guard let kind = PositionKind(rawValue: row["position_kind"]),
                    let date = LocalDate(parsing: row["date"] as String)
                else {
                    return nil
                }
                return DiagnosticRecord(
                    staffRowID: row["staff_row_id"], staffID: row["staff_id"], fullName: row["full_name"],
                    schoolCode: row["school_code"], schoolName: row["school_name"], kind: kind,
                    campaignID: row["campaign_id"], campaignDate: date, consent: row["consent"],
                    scores: row.competenceScores(), deficits: deficits[row["id"]] ?? [])
            }
        }
    }

    /// Every attended event and every mentoring pair (for its mentee): what coverage counts.
    public func participations() throws -> [Participation] {
        try reader.read { db in
            var out: [Participation] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT p.staff_id, e.kind, e.date FROM event_participant p JOIN event e ON e.id = p.event_id WHERE p.attended = 1
                    """)
            {
                guard let kind = EventKind(rawValue: row["kind"]), let date = LocalDate(parsing: row["date"] as String)
                else { continue }
                out.append(Participation(staffRowID: row["staff_id"], activity: .event(kind), from: date, to: date))
            }
            for row in try Row.fetchAll(db, sql: "SELECT mentee_id, start_date, end_date FROM mentorship") {
                out.append(
                    Participation(
                        staffRowID: row["mentee_id"], activity: .mentoring, from: row.date("start_date"),
                        to: row.date("end_date")))
            }
            return out
        }
    }

    /// The staff indicators on `date` (of one school, or every school).
    public func staffIndicators(asOf date: LocalDate, schoolCode: String? = nil) throws -> StaffIndicators {
        let campaigns = try campaigns().filter { $0.date <= date }
        let thresholds = try self.thresholds(instrument: campaigns.last?.instrument ?? "*")
        return StaffIndicators(
            schools: try indicatorSchools(schoolCode: schoolCode),
            staff: try indicatorStaff(asOf: date, schoolCode: schoolCode),
            diagnostics: try diagnosticRecords(schoolCode: schoolCode), thresholds: thresholds,
            participations: try participations(), asOf: date, rule: try trainingRule())
    }
}
