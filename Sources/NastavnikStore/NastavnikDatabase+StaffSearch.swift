import Foundation
import GRDB
import NastavnikCore

/// The staff page (issue 19): a search by name, personnel number or СНИЛС, filters, an order
/// and a page, fast on a country's 1.1 million people.
///
/// It reads the search tables of v11 (`staff_search…`), a copy of what it filters and orders by,
/// made again by the first page asked for after the data changed. The import pays nothing for
/// it: no index of `staff` (which a bulk load rebuilds) serves the page.
extension NastavnikDatabase {
    /// The most people a filter may select for the page to read and sort all of them (and so
    /// count them exactly); a page of a larger selection is read in order and its total is only
    /// a lower bound (`StaffPage.totalIsExact`). A setting of this store, measured: reading and
    /// sorting 100,000 places takes about 25 ms (BENCHMARKS.md, «Staff page»), too long for a page
    /// under load (issue 19: p99 < 100 ms with 16 connections on two cores); 20,000 take about
    /// 5 ms, and the walk in order that a larger selection takes instead tests at most about
    /// 55 people per row of a page (1.1 M ÷ 20,000). A municipality (≤ 10,000 people) always
    /// gets exact totals.
    static let staffSearchSortLimit = 20_000

    /// The tables whose changes the copy follows, as the audit log names them.
    static let staffSearchSources = [
        "staff", "school", "training", "course", "diagnostic_result", "diagnostic_campaign", "deficit", "setting",
        "position_kind_override",
    ]

    /// The page `query` asks for on `date`, after making the search tables again when the data
    /// changed since they were made. A page past the end is empty with the total.
    ///
    /// Under pseudonymisation the names shown are pseudonyms and a search by name or СНИЛС is
    /// refused (it would tell who is on record); a personnel number is found as usual.
    public func staffPage(_ query: StaffQuery, asOf date: LocalDate) throws -> StaffPage {
        if let problem = query.problem { throw StoreError.invalid(problem) }
        try refreshStaffSearch()
        return try reader.read { db in try Self.staffPage(db, query, asOf: date) }
    }

    /// Makes the search tables again when the data changed since they were made (by the stamp of
    /// `staffSearchStamp`); returns whether it did. A front end may call it after an import, or
    /// at start, so that no person's page waits for it.
    @discardableResult
    public func refreshStaffSearch() throws -> Bool {
        let fresh = try reader.read { db in
            try String.fetchOne(
                db, SQLRequest(sql: "SELECT stamp FROM main.staff_search_state WHERE id = 1", cached: true))
                == Self.staffSearchStamp(db)
        }
        if fresh { return false }
        prepareForWrites()
        return try writer.write { db in
            let stamp = try Self.staffSearchStamp(db)
            // Another connection may have made them meanwhile.
            if try String.fetchOne(db, sql: "SELECT stamp FROM staff_search_state WHERE id = 1") == stamp {
                return false
            }
            try Self.rebuildStaffSearch(db, stamp: stamp)
            return true
        }
    }

    /// What the search tables were made from, in a few index look-ups: the latest audit entry
    /// of a table they follow (every change made through Nastavnik has one, a bulk load too),
    /// and the largest row ids of the followed tables (rows added from outside Nastavnik, as
    /// `Scripts/bench-training` does with the sqlite3 shell).
    static func staffSearchStamp(_ db: Database) throws -> String {
        let tables = staffSearchSources.map { "'\($0)'" }.joined(separator: ", ")
        let audit = try Int64.fetchOne(
            db,
            SQLRequest(
                sql: "SELECT id FROM main.audit_log WHERE table_name IN (\(tables)) ORDER BY id DESC LIMIT 1",
                cached: true))
        var parts = ["a\(audit ?? 0)"]
        for table in ["staff", "school", "training", "diagnostic_result", "deficit"] {
            let last = try Int64.fetchOne(db, SQLRequest(sql: "SELECT max(rowid) FROM main.\(table)", cached: true))
            parts.append("\(table)\(last ?? 0)")
        }
        return parts.joined(separator: " ")
    }

    // MARK: Making the copy

    /// Fills the search tables from `staff` and what the rules read, in one transaction: bulk
    /// statements in the order of each table's key, the copy's indexes dropped meanwhile.
    static func rebuildStaffSearch(_ db: Database, stamp: String) throws {
        let settings = try Self.settings(db)
        let rule = TrainingRule(settings)
        let early = EarlyCareerRule(settings: settings)
        addStaffSearchFunctions(db, rule: rule, early: early)
        // The sorts of a million rows (the orders, the words) in memory and on both cores, as
        // the bulk load builds its indexes; the connection's usual cache afterwards.
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA threads = 2")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cache); PRAGMA threads = 0") }
        let indexes = try Row.fetchAll(
            db,
            sql:
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'staff_search' AND sql IS NOT NULL"
        )
        for table in [
            "staff_search_state", "staff_search", "staff_search_word", "staff_search_deficit", "staff_search_school",
            "staff_search_due", "staff_search_word_count",
        ] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        for index in indexes { try db.execute(sql: "DROP INDEX \(index["name"] as String)") }
        // The order by school code and name is `training status`'s and `staff list`'s (binary).
        try db.execute(
            sql: """
                INSERT INTO staff_search (ord, staff_row, school_id, name_ord, position_kind, due_by, early_until, words)
                SELECT row_number() OVER (ORDER BY s.code, st.full_name, st.id), st.id, st.school_id,
                       row_number() OVER (ORDER BY st.full_name, s.code, st.id), st.position_kind,
                       CASE WHEN st.position_kind <> 'other'
                            THEN nastavnik_search_due_by(st.last_training_end, st.teaching_since) END,
                       CASE WHEN st.position_kind = 'pedagogical'
                            THEN nastavnik_search_early_until(st.birth_date, st.teaching_since, st.experience_years) END,
                       CASE WHEN st.forgotten_at IS NULL THEN nastavnik_search_spaced_words(st.full_name) END
                FROM main.staff st JOIN main.school s ON s.id = st.school_id
                ORDER BY 1
                """)
        for index in indexes { try db.execute(sql: index["sql"] as String) }
        try db.execute(
            sql: """
                INSERT INTO staff_search_word (word, ord)
                SELECT DISTINCT w.value, ss.ord
                FROM staff_search ss JOIN main.staff st ON st.id = ss.staff_row,
                     json_each(nastavnik_search_words(st.full_name)) w
                WHERE st.forgotten_at IS NULL
                ORDER BY 1, 2
                """)
        try db.execute(
            sql:
                "INSERT INTO staff_search_word_count (word, people) SELECT word, count(*) FROM staff_search_word GROUP BY word"
        )
        try db.execute(
            sql: """
                INSERT INTO staff_search_deficit (topic, ord)
                SELECT DISTINCT nastavnik_search_fold(d.topic), ss.ord
                FROM main.deficit d JOIN main.diagnostic_result r ON r.id = d.diagnostic_result_id
                JOIN main.diagnostic_campaign c ON c.id = r.campaign_id
                JOIN staff_search ss ON ss.staff_row = r.staff_id
                WHERE \(isLatestDiagnostic(campaignDate: "c.date", staff: "r.staff_id"))
                ORDER BY 1, 2
                """)
        try db.execute(
            sql: """
                INSERT INTO staff_search_school (school_id, first_ord, last_ord)
                SELECT school_id, min(ord), max(ord) FROM staff_search GROUP BY school_id;
                INSERT INTO staff_search_due (position_kind, due_by, people)
                SELECT position_kind, due_by, count(*) FROM staff_search GROUP BY position_kind, due_by;
                """)
        try db.execute(
            sql: """
                INSERT INTO staff_search_state (id, stamp, people, latest_training_end)
                VALUES (1, ?, (SELECT count(*) FROM staff_search),
                        (SELECT max(end_date) FROM main.training WHERE status = 'completed'))
                """, arguments: [stamp])
    }

    /// The rules of NastavnikCore, called from the statements that fill the copy: the page and
    /// `training status`, `staff show` and the early-career lists cannot disagree.
    private static func addStaffSearchFunctions(_ db: Database, rule: TrainingRule, early: EarlyCareerRule) {
        @Sendable func day(_ value: DatabaseValue) -> LocalDate? {
            String.fromDatabaseValue(value).flatMap(LocalDate.init(parsing:))
        }
        db.add(
            function: DatabaseFunction("nastavnik_search_due_by", argumentCount: 2, pure: true) { values in
                rule.dueBy(lastTrainingEnd: day(values[0]), teachingSince: day(values[1]))?.iso
            })
        db.add(
            function: DatabaseFunction("nastavnik_search_early_until", argumentCount: 3, pure: true) { values in
                early.firstDayNotApplying(
                    birthDate: day(values[0]), teachingSince: day(values[1]),
                    experienceYears: Double.fromDatabaseValue(values[2]))?.iso
            })
        db.add(
            function: DatabaseFunction("nastavnik_search_words", argumentCount: 1, pure: true) { values in
                guard let name = String.fromDatabaseValue(values[0]) else { return nil }
                return jsonArray(StaffSearch.words(of: name))
            })
        db.add(
            function: DatabaseFunction("nastavnik_search_spaced_words", argumentCount: 1, pure: true) { values in
                guard let name = String.fromDatabaseValue(values[0]) else { return nil }
                return StaffSearch.words(of: name).map { " " + $0 }.joined()
            })
        db.add(
            function: DatabaseFunction("nastavnik_search_fold", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(CellValue.fold)
            })
    }

    /// A JSON array of strings (for `json_each`).
    private static func jsonArray(_ words: [String]) -> String {
        var json = "["
        for (index, word) in words.enumerated() {
            if index > 0 { json += "," }
            json += "\""
            for scalar in word.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case _ where scalar.value < 0x20: json += String(format: "\\u%04x", scalar.value)
                default: json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
        }
        return json + "]"
    }

    // MARK: Reading a page

    /// Whether this connection reads through the pseudonymising views.
    private static func isPseudonymized(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_temp_master WHERE type = 'view' AND name = 'staff'")
            ?? false
    }

    /// The page, read from a copy already made.
    static func staffPage(_ db: Database, _ query: StaffQuery, asOf date: LocalDate) throws -> StaffPage {
        let empty = StaffPage(rows: [], total: 0, totalIsExact: true, page: query.page, pageSize: query.pageSize)
        guard
            let state = try Row.fetchOne(
                db, SQLRequest(sql: "SELECT people, latest_training_end FROM staff_search_state", cached: true))
        else { return empty }
        let rule = TrainingRule(try Self.settings(db))
        let pseudonymized = try isPseudonymized(db)

        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        // Where a small selection comes from: a school's run of places, one person, or the
        // filter that selects fewest (when few enough to be read and sorted whole).
        var small = false
        // The name's words the statement must test on the name itself.
        var nameWords: [String] = []
        var driver: (sql: String, arguments: [(any DatabaseValueConvertible)?])?
        // Each with the name word it selects by, if it is one.
        var candidates: [(count: Int, sql: String, arguments: [(any DatabaseValueConvertible)?], word: String?)] = []
        func capped(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) throws -> Int {
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (\(sql) LIMIT \(staffSearchSortLimit + 1))",
                arguments: StatementArguments(values)) ?? 0
        }

        if let code = query.schoolCode {
            guard
                let run = try Row.fetchOne(
                    db,
                    SQLRequest(
                        sql: """
                            SELECT r.first_ord, r.last_ord FROM main.school s
                            JOIN staff_search_school r ON r.school_id = s.id WHERE s.code = ?
                            """, arguments: [code], cached: true))
            else { return empty }
            conditions.append("ss.ord BETWEEN ? AND ?")
            arguments += [run["first_ord"] as Int64, run["last_ord"] as Int64]
            small = true
        }
        if let kind = query.kind {
            conditions.append("ss.position_kind = ?")
            arguments.append(kind.rawValue)
        }
        // The kept term is the answer when no completed training ends after the date (as in
        // `trainingStatus`); for an earlier date the trainings up to it are read.
        let keptTerm = (state["latest_training_end"] as String?).map { $0 <= date.iso } ?? true
        if query.overdue {
            if keptTerm {
                conditions.append("ss.position_kind <> 'other' AND (ss.due_by IS NULL OR ss.due_by < ?)")
                arguments.append(date.iso)
            } else {
                // Registered only here (rarely: a date before the latest training's end): adding a
                // function expires the connection's cached statements.
                db.add(
                    function: DatabaseFunction("nastavnik_search_overdue", argumentCount: 2, pure: true) { values in
                        let due = rule.dueBy(
                            lastTrainingEnd: String.fromDatabaseValue(values[0]).flatMap(LocalDate.init(parsing:)),
                            teachingSince: String.fromDatabaseValue(values[1]).flatMap(LocalDate.init(parsing:)))
                        return rule.isOverdue(dueBy: due, asOf: date)
                    })
                conditions.append(
                    """
                    ss.position_kind <> 'other' AND nastavnik_search_overdue(
                        (SELECT max(t.end_date) FROM main.training t JOIN main.course c ON c.id = t.course_id
                         WHERE t.staff_id = ss.staff_row AND \(countingTraining()) AND t.end_date <= ?),
                        (SELECT teaching_since FROM main.staff WHERE id = ss.staff_row))
                    """)
                arguments += [rule.minimumHours, date.iso]
            }
        }
        // A filter's test of a row, unless the filter is where the rows come from.
        var residuals: [String: (sql: String, value: String)] = [:]
        if query.earlyCareer {
            // Through its index: a walk in the order of places would read everyone to find few.
            let sql =
                "SELECT ord FROM staff_search INDEXED BY staff_search_early WHERE early_until IS NOT NULL AND early_until > ?"
            residuals[sql] = ("ss.early_until > ?", date.iso)
            candidates.append((try capped(sql, [date.iso]), sql, [date.iso], nil))
        }
        if let topic = query.foldedDeficit {
            // In the order of places already (the key is topic, place).
            let sql = "SELECT ord FROM staff_search_deficit WHERE topic = ?"
            residuals[sql] = (
                "EXISTS (SELECT 1 FROM staff_search_deficit d WHERE d.topic = ? AND d.ord = ss.ord)", topic
            )
            candidates.append((try capped(sql, [topic]), sql, [topic], nil))
        }
        switch query.search {
        case nil: break
        case .personnelNumber(let number):
            conditions.append("ss.staff_row = (SELECT id FROM main.staff WHERE person_key = 'id:' || ?)")
            arguments.append(number)
            small = true
        case .snils(let snils):
            if pseudonymized { throw StoreError.invalid(Self.pseudonymizedSearch) }
            conditions.append("ss.staff_row = (SELECT id FROM main.staff WHERE snils = ?)")
            arguments.append(snils.formatted)
            small = true
        case .name(let words):
            if pseudonymized { throw StoreError.invalid(Self.pseudonymizedSearch) }
            nameWords = words
            for word in Set(words).sorted() {
                // Every word that begins with `word`: the range up to its last possible follower.
                // Counted as entries of the index (a person may have two such words): a bound
                // of the people, read without sorting them.
                let values: [(any DatabaseValueConvertible)?] = [word, word + "\u{10FFFF}"]
                // From the counts per word: a few rows, where counting the entries read up to the limit.
                let count =
                    try Int.fetchOne(
                        db,
                        sql:
                            "SELECT coalesce(sum(people), 0) FROM staff_search_word_count WHERE word >= ? AND word < ?",
                        arguments: StatementArguments(values)) ?? 0
                candidates.append(
                    (count, "SELECT DISTINCT ord FROM staff_search_word WHERE word >= ? AND word < ?", values, word))
            }
        }
        if !small, let best = candidates.min(by: { $0.count < $1.count }), best.count <= staffSearchSortLimit {
            driver = (best.sql, best.arguments)
            if best.word != nil {
                // Every word of a few people: their sets intersected, each read once.
                let words = candidates.filter { $0.word != nil && $0.count <= staffSearchSortLimit }
                // DISTINCT: «иван» begins two words of «Иванов Иван», who is one person.
                driver = (words.map(\.sql).joined(separator: " INTERSECT "), words.flatMap(\.arguments))
                nameWords.removeAll { word in words.contains { $0.word == word } }
            }
        }
        for (source, residual) in residuals.sorted(by: { $0.key < $1.key }) where driver?.sql != source {
            conditions.append(residual.sql)
            arguments.append(residual.value)
        }
        // The other words of a few people are sets of the index too (SQLite reads each once);
        // only a word that begins a great many names is tested on the name itself.
        for candidate in candidates where candidate.word.map(nameWords.contains) == true {
            guard candidate.count <= staffSearchSortLimit, let word = candidate.word else { continue }
            conditions.append("ss.ord IN (SELECT ord FROM staff_search_word WHERE word >= ? AND word < ?)")
            arguments += candidate.arguments
            nameWords.removeAll { $0 == word }
        }
        // A word that begins a great many names is tested on the row's own words (v15's
        // `staff_search.words`, « » before each): a word of the name begins with it exactly when
        // « » and it occur there, as `StaffSearch.name` tests (bytes compared).
        for word in nameWords {
            conditions.append("instr(ss.words, ?) > 0")
            arguments.append(" " + word)
        }

        let orderColumn = query.order == .name ? "ss.name_ord" : "ss.ord"
        let whereSQL = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        var places: [Int64]
        var total: Int
        var exact = true
        if small || driver != nil {
            // A selection small enough to read whole: exact total, any page.
            let from =
                driver.map { "(\($0.sql)) AS m CROSS JOIN staff_search ss ON ss.ord = m.ord" } ?? "staff_search ss"
            let values = StatementArguments((driver?.arguments ?? []) + arguments)
            if let driver, conditions.isEmpty, query.order == .schoolAndName,
                driver.sql.contains("staff_search_deficit")
            {
                // A filter's selection alone, in the order of places: counted and paged without the copy.
                total = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(driver.sql))", arguments: values) ?? 0
                places = try Int64.fetchAll(
                    db, sql: "SELECT ord FROM (\(driver.sql)) ORDER BY ord LIMIT ? OFFSET ?",
                    arguments: values + [query.pageSize, query.offset])
            } else if let driver, conditions.isEmpty, query.order == .schoolAndName {
                // Names (their intersection) or the early-career: read once, then sorted.
                let all = try Int64.fetchAll(db, sql: "\(driver.sql) ORDER BY 1", arguments: values)
                total = all.count
                places = Array(all.dropFirst(min(query.offset, all.count)).prefix(query.pageSize))
            } else {
                let all = try Int64.fetchAll(
                    db,
                    SQLRequest(
                        sql: "SELECT ss.ord FROM \(from) WHERE \(whereSQL) ORDER BY \(orderColumn)", arguments: values,
                        cached: true))
                total = all.count
                places = Array(all.dropFirst(min(query.offset, all.count)).prefix(query.pageSize))
            }
        } else if conditions.isEmpty {
            // Everyone: the places are 1…people in either order.
            total = state["people"]
            places = try Int64.fetchAll(
                db,
                sql: "SELECT ss.ord FROM staff_search ss WHERE \(orderColumn) > ? ORDER BY \(orderColumn) LIMIT ?",
                arguments: [query.offset, query.pageSize])
        } else {
            // A large selection: read in order up to the page (and one more, to know whether a
            // page follows).
            let rows = try Int64.fetchAll(
                db,
                SQLRequest(
                    sql:
                        "SELECT ss.ord FROM staff_search ss WHERE \(whereSQL) ORDER BY \(orderColumn) LIMIT ? OFFSET ?",
                    arguments: StatementArguments(arguments + [query.pageSize + 1, query.offset]), cached: true))
            places = Array(rows.prefix(query.pageSize))
            if let counted = try countedByTerm(db, query, keptTerm: keptTerm, asOf: date) {
                total = counted
            } else {
                // Not counted: as many as there are up to here, «more» when a page follows.
                total = query.offset + rows.count
                exact = rows.count <= query.pageSize && !(rows.isEmpty && query.offset > 0)
            }
        }
        let rows = try staffPageRows(db, places: places, rule: rule, asOf: date)
        return StaffPage(rows: rows, total: total, totalIsExact: exact, page: query.page, pageSize: query.pageSize)
    }

    static let pseudonymizedSearch =
        "В обезличенном режиме поиск по ФИО и СНИЛС недоступен: ищите по табельному номеру."

    /// The exact count of a query whose only filters are the kind and the 3-year term (on a
    /// date when the kept term holds), from the counts by kind and term; nil for any other.
    private static func countedByTerm(_ db: Database, _ query: StaffQuery, keptTerm: Bool, asOf date: LocalDate)
        throws -> Int?
    {
        guard query.search == nil, query.schoolCode == nil, !query.earlyCareer, query.deficit == nil,
            !query.overdue || keptTerm
        else { return nil }
        var conditions = ["1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let kind = query.kind {
            conditions.append("position_kind = ?")
            arguments.append(kind.rawValue)
        }
        if query.overdue {
            conditions.append("position_kind <> 'other' AND (due_by IS NULL OR due_by < ?)")
            arguments.append(date.iso)
        }
        return try Int.fetchOne(
            db,
            sql: "SELECT coalesce(sum(people), 0) FROM staff_search_due WHERE \(conditions.joined(separator: " AND "))",
            arguments: StatementArguments(arguments))
    }

    /// The people at `places`, in that order, as the page shows them: through `staff` and
    /// `school`, which are the pseudonymising views when the database is opened so.
    private static func staffPageRows(_ db: Database, places: [Int64], rule: TrainingRule, asOf date: LocalDate)
        throws -> [StaffPageRow]
    {
        guard !places.isEmpty else { return [] }
        let early = EarlyCareerRule(settings: try Self.settings(db))
        let marks = Array(repeating: "?", count: places.count).joined(separator: ",")
        let latest = isLatestDiagnostic(campaignDate: "c.date", staff: "st.id")
        // Its text varies with the number of places: cached for a full page of the usual size only,
        // so that the cache cannot grow with every size an address asks for.
        let rows = try Row.fetchAll(
            db,
            SQLRequest(
                sql: """
                    SELECT ss.ord, st.id, st.staff_id, st.full_name, s.code, s.name AS school_name, st.position,
                           st.position_kind, st.teaching_since, st.birth_date, st.experience_years,
                           (SELECT max(t.end_date) FROM main.training t JOIN main.course c ON c.id = t.course_id
                            WHERE t.staff_id = st.id AND \(countingTraining()) AND t.end_date <= ?) AS last_end,
                           (SELECT group_concat(topic, char(10)) FROM (
                               SELECT d.topic FROM main.diagnostic_result r
                               JOIN main.diagnostic_campaign c ON c.id = r.campaign_id
                               JOIN main.deficit d ON d.diagnostic_result_id = r.id
                               WHERE r.staff_id = st.id AND \(latest) ORDER BY d.topic)) AS deficits
                    FROM staff_search ss JOIN staff st ON st.id = ss.staff_row JOIN school s ON s.id = st.school_id
                    WHERE ss.ord IN (\(marks))
                    """,
                arguments: StatementArguments(
                    [rule.minimumHours, date.iso] as [any DatabaseValueConvertible] + places),
                cached: places.count == StaffQuery.defaultPageSize))
        var byPlace: [Int64: StaffPageRow] = [:]
        for row in rows {
            let kind = PositionKind(rawValue: row["position_kind"] as String) ?? PositionKind.other
            let last = row.date("last_end")
            let since = row.date("teaching_since")
            let due = kind == .other ? nil : rule.dueBy(lastTrainingEnd: last, teachingSince: since)
            let member = StaffMember(
                fullName: row["full_name"], schoolCode: row["code"], position: row["position"],
                birthDate: row.date("birth_date"), teachingSince: since, experienceYears: row["experience_years"])
            byPlace[row["ord"]] = StaffPageRow(
                rowID: row["id"], staffID: row["staff_id"], fullName: row["full_name"], schoolCode: row["code"],
                schoolName: row["school_name"], position: row["position"], positionKind: kind,
                lastTrainingEnd: last, dueBy: due, overdue: kind != .other && rule.isOverdue(dueBy: due, asOf: date),
                earlyCareer: kind == .pedagogical && member.isEarlyCareer(asOf: date, rule: early),
                deficits: (row["deficits"] as String?).map { $0.split(separator: "\n").map(String.init) } ?? [])
        }
        return places.compactMap { byPlace[$0] }
    }
}
