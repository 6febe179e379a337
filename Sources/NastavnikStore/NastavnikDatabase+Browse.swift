import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The statuses of every school (or of the school `schoolID` only), by school.
    static func statuses(_ db: Database, source: String = "official", schoolID: Int64? = nil) throws
        -> [Int64: [SchoolStatus]]
    {
        var map: [Int64: [SchoolStatus]] = [:]
        let one = schoolID == nil ? "" : " AND school_id = ?"
        for row in try Row.fetchAll(
            db, sql: "SELECT school_id, status FROM school_status WHERE source = ?\(one)",
            arguments: StatementArguments([source] + (schoolID.map { [$0] } ?? [])))
        {
            if let status = SchoolStatus(rawValue: row["status"]) { map[row["school_id"], default: []].append(status) }
        }
        return map.mapValues { $0.sorted() }
    }

    public func schools(status: SchoolStatus? = nil) throws -> [SchoolOverview] {
        try reader.read { db in
            let statuses = try Self.statuses(db)
            var curators: [Int64: [String]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT p.school_id, c.code FROM curator_pairing p JOIN school c ON c.id = p.curator_school_id
                    WHERE p.until IS NULL ORDER BY c.code
                    """)
            {
                curators[row["school_id"], default: []].append(row["code"])
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.*, (SELECT count(*) FROM staff WHERE school_id = s.id) AS staff_count
                    FROM school s ORDER BY s.code
                    """)
            return rows.compactMap { row -> SchoolOverview? in
                let id: Int64 = row["id"]
                let list = statuses[id] ?? []
                if let status, !list.contains(status) { return nil }
                return SchoolOverview(
                    school: School(row: row, statuses: list), staffCount: row["staff_count"],
                    curators: curators[id] ?? [])
            }
        }
    }

    private static func pairings(_ db: Database, whereSQL: String, id: Int64) throws -> [PairingLine] {
        // CROSS JOIN keeps the pairings the outer loop: without statistics SQLite would walk all
        // the schools in code order to spare the sort, 40,000 look-ups on a country's database
        // for a school's one or two pairs.
        try PairingLine.fetchAll(
            db,
            sql: """
                SELECT s.code AS school_code, s.name AS school_name, c.code AS curator_school_code, c.name AS curator_school_name,
                       p.curator_name, p.coordinator, p.since, p.order_ref
                FROM curator_pairing p CROSS JOIN school s ON s.id = p.school_id CROSS JOIN school c ON c.id = p.curator_school_id
                WHERE \(whereSQL) = ? AND p.until IS NULL ORDER BY s.code, c.code
                """, arguments: [id])
    }

    /// Whether a school with the code `code` is on record (a cheap test, unlike `school(code:)`).
    public func hasSchool(code: String) throws -> Bool {
        try reader.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM school WHERE code = ?)", arguments: [code])
                ?? false
        }
    }

    /// All active curator pairings.
    public func pairings() throws -> [PairingLine] {
        try reader.read { db in
            try Self.pairings(db, whereSQL: "1", id: 1)
        }
    }

    /// `rule`: by default the rule in force (setting training.minimum_hours), as `indicators` counts.
    public func school(code: String, asOf date: LocalDate, rule: TrainingRule? = nil) throws -> SchoolDetail? {
        let rule = try rule ?? trainingRule()
        return try reader.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM school WHERE code = ?", arguments: [code]) else {
                return nil
            }
            let id: Int64 = row["id"]
            let school = School(row: row, statuses: try Self.statuses(db, schoolID: id)[id] ?? [])
            var byKind: [PositionKind: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT position_kind, count(*) AS n FROM staff WHERE school_id = ? GROUP BY 1",
                arguments: [id])
            {
                if let kind = PositionKind(rawValue: row["position_kind"]) { byKind[kind] = row["n"] }
            }
            let trained = try Self.trainingCounts(db, asOf: date, rule: rule, schoolID: id).first
            return SchoolDetail(
                school: school,
                curatedBy: try Self.pairings(db, whereSQL: "p.school_id", id: id),
                curates: try Self.pairings(db, whereSQL: "p.curator_school_id", id: id),
                staffByKind: byKind, staffCount: byKind.values.reduce(0, +),
                trainedCount: trained.map { $0.base - $0.untrained } ?? 0, trainedBase: trained?.base ?? 0)
        }
    }

    /// Per school: teaching and leading staff, and how many lack a completed training of enough
    /// hours that ended within the rule's window before `date`.
    static func trainingCounts(_ db: Database, asOf date: LocalDate, rule: TrainingRule, schoolID: Int64? = nil) throws
        -> [SchoolTrainingCount]
    {
        let filter = schoolID == nil ? "" : "AND s.id = \(schoolID!)"
        // Usually no completed training ends after the date and the rule is the stored one:
        // then the kept `staff.last_training_end` answers, read from the staff index alone
        // (as `trainingStatus` reads it), instead of a look into the trainings per worker.
        let latestEnd = try String.fetchOne(db, sql: "SELECT max(end_date) FROM training WHERE status = 'completed'")
        let storedHours = try settings(db).number(Settings.trainingMinimumHours)
        let kept = (latestEnd.map { $0 <= date.iso } ?? true) && storedHours == rule.minimumHours
        let untrained =
            kept
            ? "sum(st.last_training_end IS NULL OR st.last_training_end < ?)"
            : "sum(NOT EXISTS (SELECT 1 \(countingTrainings(of: "st.id")) AND t.end_date >= ? AND t.end_date <= ?))"
        let arguments: StatementArguments =
            kept
            ? [rule.windowStart(asOf: date).iso] : [rule.minimumHours, rule.windowStart(asOf: date).iso, date.iso]
        return try SchoolTrainingCount.fetchAll(
            db,
            sql: """
                SELECT s.id AS school_id, s.code, s.name, count(st.id) AS base, \(untrained) AS untrained
                FROM school s JOIN staff st ON st.school_id = s.id
                WHERE st.position_kind IN ('pedagogical', 'leading') \(filter)
                GROUP BY s.id ORDER BY s.code
                """, arguments: arguments)
    }

    /// `FROM … WHERE …` of the trainings of the staff row `staff` that count (completed, of at
    /// least the hours of the first argument, `?`); the caller adds its conditions on the dates.
    /// The one definition the training counts and the staff list's last training share.
    static func countingTrainings(of staff: String) -> String {
        """
        FROM training t JOIN course c ON c.id = t.course_id
        WHERE t.staff_id = \(staff) AND t.status = 'completed' AND coalesce(t.hours, c.hours) >= ?
        """
    }

    public func staff(schoolCode: String? = nil, asOf date: LocalDate) throws -> [StaffLine] {
        try reader.read { db in
            // The last counting training on the date (completed, of the setting's hours, ended by
            // then): what `training status` and the indicators read, so that the lists agree.
            let minimumHours = try Self.settings(db).number(Settings.trainingMinimumHours)
            var sql: SQL = """
                SELECT st.*, s.code AS school_code,
                       (SELECT max(t.end_date) \(sql: Self.countingTrainings(of: "st.id"), arguments: [minimumHours])
                        AND t.end_date <= \(date.iso)) AS last_end
                FROM staff st JOIN school s ON s.id = st.school_id WHERE 1
                """
            if let schoolCode { sql += " AND s.code = \(schoolCode)" }
            sql += " ORDER BY s.code, st.full_name"
            let early = EarlyCareerRule(settings: try Self.settings(db))
            return try Row.fetchAll(db, SQLRequest(literal: sql, cached: true)).map { row in
                let record = try StaffRecord(row: row)
                let member = record.member(schoolCode: row["school_code"])
                let kind = PositionKind(rawValue: record.positionKind) ?? .other
                return StaffLine(
                    rowID: record.id ?? 0, staffID: member.staffID, fullName: member.fullName,
                    schoolCode: member.schoolCode,
                    position: member.position, positionKind: kind,
                    subjects: member.subjects, category: member.category,
                    experience: member.experience(asOf: date),
                    earlyCareer: kind == .pedagogical && member.isEarlyCareer(asOf: date, rule: early),
                    lastTrainingEnd: row.date("last_end"),
                    postSince: member.postSince, categoryDate: member.categoryDate)
            }
        }
    }

    /// The card of the staff member with this personnel number (or, failing that, this exact name).
    /// Throws `StoreError` when nobody, or more than one person, bears the name.
    ///
    /// - Parameter byName: also find a worker by a name only they bear (the command line's
    ///   convenience; it reads every name, so a page, which links by personnel number, does not).
    public func staffCard(id: String, byName: Bool = true) throws -> StaffCard {
        try reader.read { db in
            let withSchool =
                "SELECT st.*, s.code AS school_code, s.name AS school_name FROM staff st JOIN school s ON s.id = st.school_id"
            var rows = try Row.fetchAll(db, sql: withSchool + " WHERE st.person_key = 'id:' || ?", arguments: [id])
            if rows.isEmpty, byName {
                let folded = CellValue.fold(id)
                rows = try Row.fetchAll(db, sql: withSchool).filter { CellValue.fold($0["full_name"]) == folded }
            }
            guard rows.count == 1, let row = rows.first else {
                if rows.count > 1 {
                    throw StoreError.invalid("Имя «\(id)» носят \(rows.count) работников; укажите табельный номер.")
                }
                throw StoreError.notFound(what: "работник", key: id)
            }
            let record = try StaffRecord(row: row)
            let staffID = record.id!
            let trainings = try TrainingLine.fetchAll(
                db,
                sql: """
                    SELECT c.code, c.title, c.provider, coalesce(t.hours, c.hours) AS hours, t.start_date, t.end_date, t.status,
                           t.certificate, c.external
                    FROM training t JOIN course c ON c.id = t.course_id WHERE t.staff_id = ?
                    ORDER BY coalesce(t.end_date, t.start_date) DESC
                    """, arguments: [staffID])
            let deficits = try Self.deficitTopics(db, staffRowID: staffID)
            let diagnostics = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, c.date, c.instrument, r.subject_score, r.methodological_score, r.psychological_score,
                           r.communicative_score
                    FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                    WHERE r.staff_id = ? ORDER BY c.date DESC
                    """, arguments: [staffID]
            ).map { r in
                DiagnosticLine(
                    date: r.date("date")!, instrument: r["instrument"], scores: r.competenceScores(),
                    deficits: deficits[r["id"]] ?? [])
            }
            // One's mentors are the pairs one is the mentee of, and the other way round.
            func partners(_ partner: String, _ own: String) throws -> [String] {
                try String.fetchAll(
                    db,
                    sql: "SELECT m.full_name FROM mentorship x JOIN staff m ON m.id = x.\(partner) WHERE x.\(own) = ?",
                    arguments: [staffID])
            }
            let mentors = try partners("mentor_id", "mentee_id")
            let mentees = try partners("mentee_id", "mentor_id")
            return StaffCard(
                member: record.member(schoolCode: row["school_code"]),
                positionKind: PositionKind(rawValue: record.positionKind) ?? .other,
                earlyCareerRule: EarlyCareerRule(settings: try Self.settings(db)), schoolName: row["school_name"],
                trainings: trainings, diagnostics: diagnostics, mentors: mentors, mentees: mentees)
        }
    }

    /// `rule`: by default the rule in force (setting training.minimum_hours); `tableCounts`:
    /// whether to count every table's rows (without: `counts` is empty).
    public func overview(asOf date: LocalDate, rule: TrainingRule? = nil, tableCounts: Bool = true) throws
        -> DatabaseOverview
    {
        let rule = try rule ?? trainingRule()
        return try reader.read { db in
            let tables: [(String, String)] = [
                ("school", "школ"), ("staff", "работников"), ("course", "программ ПК в каталоге"),
                ("training", "записей о повышении квалификации"), ("diagnostic_result", "результатов диагностики"),
                ("assessment_result", "результатов оценочных процедур"),
                ("social_context", "записей о социальном контексте"),
                ("curator_pairing", "пар «школа — куратор»"), ("mentorship", "наставнических пар"),
                ("roadmap", "дорожных карт"), ("activity", "мероприятий дорожных карт"),
            ]
            var counts: [(String, Int)] = []
            for (table, title) in tables where tableCounts {
                counts.append((title, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0))
            }
            var statusCounts: [(SchoolStatus, Int)] = []
            for status in SchoolStatus.allCases {
                let n =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM school_status WHERE status = ? AND source = 'official'",
                        arguments: [status.rawValue]) ?? 0
                statusCounts.append((status, n))
            }
            let without =
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM school WHERE id NOT IN (SELECT school_id FROM school_status WHERE source = 'official')"
                ) ?? 0
            let perSchool = try Self.trainingCounts(db, asOf: date, rule: rule)
            return DatabaseOverview(
                counts: counts, statusCounts: statusCounts, schoolsWithoutStatus: without,
                trainingBase: perSchool.reduce(0) { $0 + $1.base },
                untrained: perSchool.reduce(0) { $0 + $1.untrained },
                untrainedBySchool: perSchool.map { ($0.code, $0.name, $0.untrained, $0.base) })
        }
    }
}
