import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    public func campaigns() throws -> [CampaignLine] {
        try reader.read { db in
            try CampaignLine.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.date, c.instrument, count(r.id) AS participants
                    FROM diagnostic_campaign c LEFT JOIN diagnostic_result r ON r.campaign_id = c.id
                    GROUP BY c.id ORDER BY c.date
                    """)
        }
    }

    /// A campaign named by its number or its date; the latest when `nil`.
    public func campaign(_ reference: String?) throws -> CampaignLine? {
        let all = try campaigns()
        guard let reference else { return all.last }
        if let id = Int64(reference), let found = all.first(where: { $0.id == id }) { return found }
        if let date = LocalDate(parsing: reference) { return all.last { $0.date == date } }
        return nil
    }

    /// The thresholds in force for an instrument: its own where set, else the defaults.
    public func thresholds(instrument: String) throws -> [Competence: Double] {
        try reader.read { db in
            let map = try Self.thresholds(db)
            var out: [Competence: Double] = [:]
            for c in Competence.allCases { if let t = Self.threshold(map, instrument: instrument, c) { out[c] = t } }
            return out
        }
    }

    /// Sets a competence's threshold (and scale) for an instrument, or the default with `*`.
    public func setThreshold(instrument: String, competence: Competence, threshold: Double, maxScore: Double?) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO competence_threshold (instrument, competence, max_score, threshold) VALUES (?, ?, ?, ?)
                    ON CONFLICT(instrument, competence) DO UPDATE SET threshold = excluded.threshold, max_score = coalesce(excluded.max_score, max_score)
                    """, arguments: [instrument, competence.rawValue, maxScore, threshold])
        }
    }

    public func results(campaignID: Int64, schoolCode: String? = nil) throws -> [ResultLine] {
        try reader.read { db in
            var sql: SQL = """
                SELECT r.id, st.id AS staff_row_id, st.staff_id, st.full_name, s.code AS school_code, s.name AS school_name,
                       r.subject_score, r.methodological_score, r.psychological_score, r.communicative_score, r.consent
                FROM diagnostic_result r JOIN staff st ON st.id = r.staff_id JOIN school s ON s.id = st.school_id
                WHERE r.campaign_id = \(campaignID)
                """
            if let schoolCode { sql += " AND s.code = \(schoolCode)" }
            let deficits = try Self.deficitTopics(db, campaignID: campaignID)
            return try Row.fetchAll(db, SQLRequest(literal: sql + " ORDER BY s.code, st.full_name")).map { row in
                ResultLine(
                    staffRowID: row["staff_row_id"], staffID: row["staff_id"], fullName: row["full_name"],
                    schoolCode: row["school_code"], schoolName: row["school_name"], scores: row.competenceScores(),
                    deficits: deficits[row["id"]] ?? [], consent: row["consent"])
            }
        }
    }
}

extension NastavnikDatabase {
    public func observations(staff: String? = nil, schoolCode: String? = nil)
        throws -> [(date: LocalDate, staffID: String?, fullName: String, schoolCode: String, entry: ObservationEntry)]
    {
        try reader.read { db in
            var sql: SQL = """
                SELECT o.id, o.date, st.staff_id, st.full_name, s.code AS school_code, o.observer, o.observer_role, o.class_name,
                       o.subject, o.focus, o.scores, o.note
                FROM lesson_observation o JOIN staff st ON st.id = o.staff_id JOIN school s ON s.id = st.school_id WHERE 1
                """
            if let staff { sql += " AND st.person_key = 'id:' || \(staff)" }
            if let schoolCode { sql += " AND s.code = \(schoolCode)" }
            return try Row.fetchAll(db, SQLRequest(literal: sql + " ORDER BY o.date, s.code")).map { row in
                let scores =
                    (try? JSONSerialization.jsonObject(with: Data((row["scores"] as String).utf8)) as? [String: Double])
                    ?? [:]
                let deficits = try String.fetchAll(
                    db, sql: "SELECT topic FROM deficit WHERE observation_id = ? ORDER BY topic",
                    arguments: [row["id"] as Int64])
                let date = row.date("date")!
                return (
                    date, row["staff_id"], row["full_name"], row["school_code"],
                    ObservationEntry(
                        date: date, observer: row["observer"], observerRole: row["observer_role"],
                        className: row["class_name"],
                        subject: row["subject"], focus: row["focus"], scores: scores, deficits: deficits,
                        note: row["note"])
                )
            }
        }
    }
}

extension NastavnikDatabase {
    /// The deficit topics of diagnostic results by result, each list ordered by topic: of one
    /// campaign's results, of one person's, or (with neither) of every result.
    /// - Parameter schoolCode: only that school's people's results (a school's page must not read
    ///   a country's deficits).
    static func deficitTopics(
        _ db: Database, campaignID: Int64? = nil, staffRowID: Int64? = nil, schoolCode: String? = nil
    ) throws -> [Int64: [String]] {
        var sql: SQL =
            "SELECT d.diagnostic_result_id, d.topic FROM deficit d JOIN diagnostic_result r ON r.id = d.diagnostic_result_id WHERE 1"
        if let campaignID { sql += " AND r.campaign_id = \(campaignID)" }
        if let staffRowID { sql += " AND r.staff_id = \(staffRowID)" }
        if let schoolCode {
            sql +=
                " AND r.staff_id IN (SELECT st.id FROM staff st JOIN school s ON s.id = st.school_id WHERE s.code = \(schoolCode))"
        }
        var topics: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, SQLRequest(literal: sql + " ORDER BY d.topic")) {
            topics[row["diagnostic_result_id"], default: []].append(row["topic"])
        }
        return topics
    }

    /// SQL that holds when `campaignDate` is the date of the latest campaign in which the staff
    /// row `staff` has a result: a teacher's deficits are those of their latest diagnostic.
    static func isLatestDiagnostic(campaignDate: String, staff: String) -> String {
        "\(campaignDate) = (SELECT max(c2.date) FROM diagnostic_result r2 JOIN diagnostic_campaign c2 ON c2.id = r2.campaign_id WHERE r2.staff_id = \(staff))"
    }
}
