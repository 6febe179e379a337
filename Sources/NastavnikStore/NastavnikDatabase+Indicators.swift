import Foundation
import GRDB
import NastavnikCore

// The inputs of the staff indicators, coverage and the diagnostic summary; the rules that
// count them are in NastavnikCore (`StaffIndicators`, `Coverage`, `StaffPopulation`).
extension NastavnikDatabase {
    /// Every school (or one) with its official statuses.
    public func indicatorSchools(schoolCode: String? = nil) throws -> [IndicatorSchool] {
        try schools().filter { schoolCode == nil || $0.code == schoolCode }
            .map { IndicatorSchool(code: $0.code, name: $0.name, statuses: $0.statuses) }
    }

    /// Every worker (of every kind) with the end of their last counting training on `date`.
    public func indicatorStaff(asOf date: LocalDate, schoolCode: String? = nil) throws -> [IndicatorPerson] {
        var lastEnd: [Int64: LocalDate] = [:]
        for line in try trainingStatus(asOf: date, schoolCode: schoolCode) {
            if let end = line.lastTrainingEnd { lastEnd[line.rowID] = end }
        }
        return try reader.read { db in
            var sql = "SELECT st.id, s.code, st.position_kind FROM staff st JOIN school s ON s.id = st.school_id"
            var arguments: StatementArguments = []
            if let schoolCode { sql += " WHERE s.code = ?"; arguments += [schoolCode] }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
                guard let kind = PositionKind(rawValue: row[2]) else { return nil }
                let id: Int64 = row[0]
                return IndicatorPerson(id: id, schoolCode: row[1], kind: kind, lastTrainingEnd: lastEnd[id])
            }
        }
    }

    /// Every diagnostic result (of every campaign) with the person's kind and the campaign's date.
    public func diagnosticRecords(schoolCode: String? = nil) throws -> [DiagnosticRecord] {
        try reader.read { db in
            var deficits: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT diagnostic_result_id, topic FROM deficit WHERE diagnostic_result_id IS NOT NULL ORDER BY topic") {
                deficits[row[0], default: []].append(row[1])
            }
            var sql = """
                SELECT r.id, st.id, st.staff_id, st.full_name, s.code, s.name, st.position_kind, c.id, c.date, r.consent,
                       r.subject_score, r.methodological_score, r.psychological_score, r.communicative_score
                FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                JOIN staff st ON st.id = r.staff_id JOIN school s ON s.id = st.school_id
                """
            var arguments: StatementArguments = []
            if let schoolCode { sql += " WHERE s.code = ?"; arguments += [schoolCode] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY s.code, st.full_name, c.date", arguments: arguments).compactMap { row in
                guard let kind = PositionKind(rawValue: row[6]), let date = LocalDate(parsing: row[8] as String) else { return nil }
                var scores: [Competence: Double] = [:]
                for (i, c) in [Competence.subject, .methodological, .psychological, .communicative].enumerated() {
                    if let v: Double = row[10 + i] { scores[c] = v }
                }
                return DiagnosticRecord(staffRowID: row[1], staffID: row[2], fullName: row[3], schoolCode: row[4], schoolName: row[5],
                                        kind: kind, campaignID: row[7], campaignDate: date, consent: row[9], scores: scores,
                                        deficits: deficits[row[0]] ?? [])
            }
        }
    }

    /// Every attended event and every mentoring pair (for its mentee): what coverage counts.
    public func participations() throws -> [Participation] {
        try reader.read { db in
            var out: [Participation] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT p.staff_id, e.kind, e.date FROM event_participant p JOIN event e ON e.id = p.event_id WHERE p.attended = 1
                """) {
                guard let kind = EventKind(rawValue: row[1]), let date = LocalDate(parsing: row[2] as String) else { continue }
                out.append(Participation(staffRowID: row[0], activity: .event(kind), from: date, to: date))
            }
            for row in try Row.fetchAll(db, sql: "SELECT mentee_id, start_date, end_date FROM mentorship") {
                out.append(Participation(staffRowID: row[0], activity: .mentoring,
                                         from: (row[1] as String?).flatMap { LocalDate(parsing: $0) },
                                         to: (row[2] as String?).flatMap { LocalDate(parsing: $0) }))
            }
            return out
        }
    }

    /// The staff indicators on `date` (of one school, or every school).
    public func staffIndicators(asOf date: LocalDate, schoolCode: String? = nil) throws -> StaffIndicators {
        let campaigns = try campaigns().filter { $0.date <= date }
        let thresholds = try self.thresholds(instrument: campaigns.last?.instrument ?? "*")
        return StaffIndicators(schools: try indicatorSchools(schoolCode: schoolCode), staff: try indicatorStaff(asOf: date, schoolCode: schoolCode),
                               diagnostics: try diagnosticRecords(schoolCode: schoolCode), thresholds: thresholds,
                               participations: try participations(), asOf: date, rule: try trainingRule())
    }
}
