import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The report's data as of `date`, for the municipality or for one school.
    /// The training figures follow `rule`, else the stored rule (as `training status` does).
    public func municipalData(asOf date: LocalDate, schoolCode: String? = nil, rule: TrainingRule? = nil) throws
        -> MunicipalData
    {
        let rule = try rule ?? trainingRule()
        var schools = try self.schools()
        if let schoolCode { schools = schools.filter { $0.code == schoolCode } }
        let codes = Set(schools.map(\.code))
        let pairings = try self.pairings().filter {
            codes.contains($0.schoolCode) || codes.contains($0.curatorSchoolCode)
        }
        let staffLines = try self.staff(schoolCode: schoolCode, asOf: date)
        return try reader.read { db in
            var figures: [String: SchoolStaffFigures] = [:]
            for school in schools { figures[school.code] = SchoolStaffFigures(code: school.code, name: school.name) }
            var early: [StaffLine] = []
            for line in staffLines {
                guard var f = figures[line.schoolCode] else { continue }
                f.add(line)
                if line.earlyCareer && line.positionKind == .pedagogical { early.append(line) }
                figures[line.schoolCode] = f
            }
            for counts in try Self.trainingCounts(db, asOf: date, rule: rule) where figures[counts.code] != nil {
                figures[counts.code]!.trainingBase = counts.base
                figures[counts.code]!.trained = counts.base - counts.untrained
            }

            // Deficits of each school's teachers in the latest campaign that school took part in.
            var deficits: [DeficitFigures] = []
            let latest = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.code, s.name, max(c.date) AS last
                    FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                    JOIN staff st ON st.id = r.staff_id JOIN school s ON s.id = st.school_id
                    WHERE c.date <= ? GROUP BY s.id ORDER BY s.code
                    """, arguments: [date.iso])
            for row in latest where codes.contains(row["code"]) {
                let code: String = row["code"]
                let last: String = row["last"]
                let diagnosed =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(DISTINCT r.staff_id) FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                            JOIN staff st ON st.id = r.staff_id JOIN school s ON s.id = st.school_id WHERE s.code = ? AND c.date = ?
                            """, arguments: [code, last]) ?? 0
                var byTopic: [String: Int] = [:]
                for t in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.topic, count(DISTINCT d.staff_id) AS n FROM deficit d
                        JOIN diagnostic_result r ON r.id = d.diagnostic_result_id JOIN diagnostic_campaign c ON c.id = r.campaign_id
                        JOIN staff st ON st.id = d.staff_id JOIN school s ON s.id = st.school_id
                        WHERE s.code = ? AND c.date = ? GROUP BY d.topic
                        """, arguments: [code, last])
                {
                    byTopic[t["topic"]] = t["n"]
                }
                deficits.append(
                    DeficitFigures(schoolCode: code, schoolName: row["name"], diagnosed: diagnosed, byTopic: byTopic))
            }

            let roadmaps = try Self.roadmaps(db).map { (title: $0.title, activities: $0.activities) }
            let occurrences = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.title, a.number, a.text, o.start_date, o.end_date, o.status, o.sequence
                    FROM activity_occurrence o JOIN activity a ON a.id = o.activity_id JOIN roadmap r ON r.id = a.roadmap_id
                    WHERE o.start_date IS NOT NULL AND o.end_date IS NOT NULL
                    ORDER BY r.id, a.position, o.sequence
                    """
            ).compactMap { row -> OccurrenceLine? in
                guard let start = LocalDate(parsing: row["start_date"] as String),
                    let end = LocalDate(parsing: row["end_date"] as String)
                else {
                    return nil
                }
                let stored = OccurrenceStatus(rawValue: row["status"]) ?? .planned
                return OccurrenceLine(
                    roadmap: row["title"], number: row["number"], activity: row["text"], start: start, end: end,
                    status: OccurrenceStatus.effective(stored: stored, start: start, end: end, asOf: date).rawValue)
            }
            return MunicipalData(
                schools: schools, pairings: pairings,
                staff: schools.compactMap { figures[$0.code] }, earlyCareer: early,
                deficits: deficits, roadmaps: roadmaps, occurrences: occurrences)
        }
    }
}
