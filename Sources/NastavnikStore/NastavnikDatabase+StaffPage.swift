import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The staff page: the people `query` finds, ordered by name, one page of them and the
    /// total — one statement, whose filters all read indexes (see v11-staff-search).
    public func staffPage(_ query: StaffQuery) throws -> StaffPage {
        try reader.read { db in
            let settings = try Self.settings(db)
            let rule = TrainingRule(settings)
            Self.addStaffPageFunctions(db, rule: rule, early: EarlyCareerRule(settings: settings), asOf: query.asOf)
            let sql = Self.staffPageSQL(query, rule: rule)
            var total = 0
            var rows: [StaffPageRow] = []
            for row in try Row.fetchAll(db, SQLRequest(literal: sql)) {
                total = row["total"]
                guard let id: Int64 = row["id"] else { continue }
                let kind = PositionKind(rawValue: row["position_kind"]) ?? .other
                let last = row.date("last_end")
                rows.append(
                    StaffPageRow(
                        rowID: id, staffID: row["staff_id"], fullName: row["full_name"], schoolCode: row["school_code"],
                        schoolName: row["school_name"], position: row["position"], positionKind: kind,
                        lastTrainingEnd: last,
                        dueBy: kind == .other
                            ? nil : rule.dueBy(lastTrainingEnd: last, teachingSince: row.date("teaching_since")),
                        deficits: (row["deficits"] as String?).map { $0.split(separator: "\n").map(String.init) } ?? [])
                )
            }
            return StaffPage(rows: rows, total: total, page: query.page, pageSize: query.pageSize)
        }
    }

    /// The functions the staff page's SQL calls, bound to the rules in force and the page's date.
    static func addStaffPageFunctions(_ db: Database, rule: TrainingRule, early: EarlyCareerRule, asOf date: LocalDate)
    {
        // The rules are NastavnikCore's, called from SQL, so the page and `training status`
        // cannot disagree on who is overdue or who is a молодой специалист.
        db.add(
            function: DatabaseFunction("nastavnik_training_overdue", argumentCount: 2, pure: true) { values in
                let due = rule.dueBy(
                    lastTrainingEnd: String.fromDatabaseValue(values[0]).flatMap(LocalDate.init(parsing:)),
                    teachingSince: String.fromDatabaseValue(values[1]).flatMap(LocalDate.init(parsing:)))
                return rule.isOverdue(dueBy: due, asOf: date)
            })
        db.add(
            function: DatabaseFunction("nastavnik_early_career", argumentCount: 3, pure: true) { values in
                let member = StaffMember(
                    fullName: "", schoolCode: "", position: "",
                    birthDate: String.fromDatabaseValue(values[0]).flatMap(LocalDate.init(parsing:)),
                    teachingSince: String.fromDatabaseValue(values[1]).flatMap(LocalDate.init(parsing:)),
                    experienceYears: Double.fromDatabaseValue(values[2]))
                return member.isEarlyCareer(asOf: date, rule: early)
            })
        db.add(
            function: DatabaseFunction("nastavnik_name_starts", argumentCount: 2, pure: true) { values in
                guard let name = String.fromDatabaseValue(values[0]), let folded = String.fromDatabaseValue(values[1])
                else { return false }
                return StaffQuery.name(name, hasWordStarting: folded)
            })
    }

    /// The staff page's one statement: the total, and the page's rows joined to it (so that a page
    /// past the end still says how many there are).
    static func staffPageSQL(_ query: StaffQuery, rule: TrainingRule) -> SQL {
        let date = query.asOf
        let lastEnd: SQL = """
            (SELECT max(t.end_date) \(sql: Self.countingTrainings(of: "st.id"), arguments: [rule.minimumHours])
             AND t.end_date <= \(date.iso))
            """
        let filters = Self.staffFilters(query, lastEnd: lastEnd)
        let latest = Self.isLatestDiagnostic(campaignDate: "c.date", staff: "st.id")
        return """
            SELECT total.n AS total, page.* FROM (SELECT count(*) AS n FROM staff st WHERE \(filters)) total
            LEFT JOIN (
                SELECT st.id, st.staff_id, st.full_name, st.position, st.position_kind, st.teaching_since,
                       s.code AS school_code, s.name AS school_name, \(lastEnd) AS last_end,
                       (SELECT group_concat(topic, char(10)) FROM (
                           SELECT d.topic FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                           JOIN deficit d ON d.diagnostic_result_id = r.id
                           WHERE r.staff_id = st.id AND \(sql: latest) ORDER BY d.topic)) AS deficits
                FROM staff st JOIN school s ON s.id = st.school_id WHERE \(filters)
                ORDER BY st.full_name, st.id LIMIT \(query.pageSize) OFFSET \(query.offset)
            ) page ON 1
            ORDER BY page.full_name, page.id
            """
    }

    /// The WHERE of the staff page over `staff st`, all its values bound.
    static func staffFilters(_ query: StaffQuery, lastEnd: SQL) -> SQL {
        var sql: SQL = "1"
        if let school = query.schoolCode {
            sql += " AND st.school_id = (SELECT id FROM school WHERE code = \(school))"
        }
        if let kind = query.kind { sql += " AND st.position_kind = \(kind.rawValue)" }
        if let search = query.search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            if query.searchesNames, let folded = query.foldedSearch {
                sql += " AND nastavnik_name_starts(st.full_name, \(folded))"
            } else {
                var any: SQL = "st.person_key = 'id:' || \(search)"
                if let snils = query.searchSNILS { any += " OR st.snils = \(snils.formatted)" }
                sql += " AND (\(any))"
            }
        }
        // `training status` lists pedagogical and leading workers; other staff have no term.
        if query.overdue {
            sql += " AND st.position_kind <> 'other' AND nastavnik_training_overdue(\(lastEnd), st.teaching_since)"
        }
        if query.earlyCareer {
            sql +=
                " AND st.position_kind = 'pedagogical' AND nastavnik_early_career(st.birth_date, st.teaching_since, st.experience_years)"
        }
        if query.deficit {
            let latest = isLatestDiagnostic(campaignDate: "c.date", staff: "st.id")
            sql += """
                 AND EXISTS (SELECT 1 FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                             JOIN deficit d ON d.diagnostic_result_id = r.id WHERE r.staff_id = st.id AND \(sql: latest))
                """
        }
        return sql
    }
}
