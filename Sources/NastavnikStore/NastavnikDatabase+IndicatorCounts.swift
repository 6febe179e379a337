import Foundation
import GRDB
import NastavnikCore

// The indicators' figures counted in SQL, for the dashboard on a country's database: small
// values per school instead of a line per person. The rules stay in NastavnikCore: called
// from SQL as functions (`Coverage.reaches`, `TrainingRule` in `overdueCounts`), bound as
// arguments (`StaffPopulation.counts`'s kinds), applied to the few aggregated rows
// (`CellValue.fold`), or, where a rule picks among rows, mirrored in SQL beside a comment
// naming it (`StaffPopulation.countedResults`).
extension NastavnikDatabase {
    /// Per school, the counted diagnostic results on `date` — each pedagogical or leading
    /// worker's latest result with consent on or before it, as `StaffPopulation.countedResults`
    /// picks them — with, per competence, how many have a score and how many score above
    /// `thresholds` (strictly, as `DiagnosticFigures` and `StaffIndicators` count). Schools
    /// without a counted result are absent.
    public func diagnosticCounts(asOf date: LocalDate, thresholds: [Competence: Double]) throws
        -> [SchoolDiagnosticCounts]
    {
        try reader.read { db in
            var columns = ["st.school_id", "count(*)"]
            var arguments = Self.countedResultArguments(date)
            for c in Competence.allCases {
                columns.append("count(r.\(c.rawValue)_score)")
                columns.append("coalesce(sum(r.\(c.rawValue)_score > :\(c.rawValue)), 0)")
                // A competence without a threshold compares with NULL (its `above` is not read).
                arguments.updateValue(thresholds[c], forKey: c.rawValue)
            }
            // Grouped by the school's id (no look-up of the school per result), named after.
            let codes = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, code FROM school").map {
                    ($0[0] as Int64, $0[1] as String)
                })
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    WITH \(Self.countedCampaigns)
                    SELECT \(columns.joined(separator: ", "))
                    FROM diagnostic_result r JOIN campaign c ON c.id = r.campaign_id JOIN staff st ON st.id = r.staff_id
                    WHERE \(Self.countedResult)
                    GROUP BY st.school_id
                    """, arguments: StatementArguments(arguments))
            var out: [SchoolDiagnosticCounts] = []
            while let row = try rows.next() {
                guard let code = codes[row[0]] else { continue }
                var scored: [Competence: Int] = [:]
                var above: [Competence: Int] = [:]
                for (index, c) in Competence.allCases.enumerated() {
                    scored[c] = row[2 + 2 * index]
                    if thresholds[c] != nil { above[c] = row[3 + 2 * index] }
                }
                out.append(SchoolDiagnosticCounts(schoolCode: code, diagnosed: row[1], scored: scored, above: above))
            }
            return out.sorted { $0.schoolCode < $1.schoolCode }
        }
    }

    /// The deficits of the counted diagnostic results on `date` (as `diagnosticCounts` picks
    /// them): per topic, how many workers have it, counted as `DiagnosticFigures` counts —
    /// case-insensitively (`CellValue.fold`), once a person, shown as first written
    /// (`FirstWrittenTopic`).
    public func deficitCounts(asOf date: LocalDate) throws -> [String: Int] {
        try reader.read { db in
            // Each topic as written, with its people: a result has a topic once (the unique
            // index `deficit_of_result`), so the rows are the people.
            let from = """
                FROM diagnostic_result r JOIN campaign c ON c.id = r.campaign_id JOIN staff st ON st.id = r.staff_id
                JOIN deficit d ON d.diagnostic_result_id = r.id
                """
            var written: [String: [(topic: String, people: Int)]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql:
                    "WITH \(Self.countedCampaigns) SELECT d.topic, count(*) \(from) WHERE \(Self.countedResult) GROUP BY d.topic",
                arguments: StatementArguments(Self.countedResultArguments(date)))
            while let row = try rows.next() {
                let topic: String = row[0]
                written[CellValue.fold(topic), default: []].append((topic, row[1]))
            }
            var counts: [String: Int] = [:]
            var folds: [String: String] = [:]
            for (key, ways) in written {
                if ways.count == 1 {
                    counts[ways[0].topic] = ways[0].people
                } else {
                    for way in ways { folds[way.topic] = key }
                }
            }
            guard !folds.isEmpty else { return counts }
            // A topic written in several ways: its people counted once, and the way shown the
            // first met; only the rows of those topics are read again.
            db.add(
                function: DatabaseFunction(
                    "nastavnik_first_written", argumentCount: 4, pure: true, aggregate: FirstWrittenTopic.self))
            let json = String(decoding: try JSONEncoder().encode(folds), as: UTF8.self)
            let mixed = try Row.fetchCursor(
                db,
                sql: """
                    WITH \(Self.countedCampaigns)
                    SELECT nastavnik_first_written(s.code, st.full_name, st.id, d.topic), count(DISTINCT r.id)
                    \(from) JOIN school s ON s.id = st.school_id JOIN json_each(:folds) f ON f.key = d.topic
                    WHERE \(Self.countedResult)
                    GROUP BY f.value
                    """,
                arguments: StatementArguments(Self.countedResultArguments(date).merging(["folds": json]) { $1 }))
            while let row = try mixed.next() { counts[row[0]] = row[1] }
            return counts
        }
    }

    /// Per school, how many of its pedagogical and leading workers an activity of `target`
    /// reached in `period` — an attended event, a mentoring pair as mentee — as
    /// `Coverage.compute` counts `reached` (its rule `Coverage.reaches` called from SQL) over
    /// `participantStaff` and `participations`. Schools nobody was reached in are absent.
    public func coverageCounts(target: CoverageTarget, period: ClosedRange<LocalDate>) throws -> [String: Int] {
        try reader.read { db in
            // The arguments: an event's kind (NULL for a mentoring pair), its first and last day.
            // An event of an unknown kind or date is no participation (`participations` skips
            // it); a pair's unknown day is open.
            db.add(
                function: DatabaseFunction("nastavnik_reaches", argumentCount: 3, pure: true) { values in
                    let from = String.fromDatabaseValue(values[1]).flatMap(LocalDate.init(parsing:))
                    let to = String.fromDatabaseValue(values[2]).flatMap(LocalDate.init(parsing:))
                    let activity: Participation.Activity
                    if values[0].isNull {
                        activity = .mentoring
                    } else {
                        guard let kind = String.fromDatabaseValue(values[0]).flatMap(EventKind.init(rawValue:)),
                            from != nil
                        else { return false }
                        activity = .event(kind)
                    }
                    return Coverage.reaches(
                        Participation(staffRowID: 0, activity: activity, from: from, to: to), period: period,
                        counts: target.counts)
                })
            var counts: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.code, count(*) FROM staff st JOIN school s ON s.id = st.school_id
                    WHERE st.id IN (
                        SELECT p.staff_id FROM event_participant p JOIN event e ON e.id = p.event_id
                        WHERE p.attended = 1 AND nastavnik_reaches(e.kind, e.date, e.date)
                        UNION SELECT mentee_id FROM mentorship WHERE nastavnik_reaches(NULL, start_date, end_date)
                    ) AND st.position_kind IN (SELECT value FROM json_each(?))
                    GROUP BY s.code
                    """, arguments: [Self.countedKinds])
            while let row = try rows.next() { counts[row[0]] = row[1] }
            return counts
        }
    }

    /// The common table `campaign` of the statements that read `countedResult`: the campaigns
    /// on or before the date (the argument `counted_date`), numbered in the order of
    /// `StaffPopulation.countedResults` — by date, then id.
    static let countedCampaigns = """
        campaign AS MATERIALIZED (
            SELECT id, row_number() OVER (ORDER BY date, id) AS n FROM diagnostic_campaign WHERE date <= :counted_date)
        """

    /// SQL that holds when the result `r` (of the campaign `c` of `countedCampaigns`, of the
    /// worker `st`) is counted: it mirrors `StaffPopulation.countedResults(upTo:)` — with
    /// consent, of a counted worker (the kinds `StaffPopulation.counts` accepts, bound), and no
    /// later such result of the same worker. The result of the latest campaign is the latest
    /// without a look (most results are); the others look for a later one.
    static let countedResult = """
        r.consent = 1 AND st.position_kind IN (SELECT value FROM json_each(:counted_kinds))
        AND (c.n = (SELECT max(n) FROM campaign)
             OR NOT EXISTS (
                SELECT 1 FROM diagnostic_result r2 JOIN campaign c2 ON c2.id = r2.campaign_id
                WHERE r2.staff_id = r.staff_id AND r2.consent = 1 AND c2.n > c.n))
        """

    /// The named arguments of `countedCampaigns` and `countedResult`.
    static func countedResultArguments(_ date: LocalDate) -> [String: (any DatabaseValueConvertible)?] {
        ["counted_date": date.iso, "counted_kinds": countedKinds]
    }

    /// The kinds of staff `StaffPopulation.counts` accepts, as a JSON array for `json_each`:
    /// bound, so that SQL tests the stored kind without a call per row.
    static var countedKinds: String {
        "[" + PositionKind.allCases.filter(StaffPopulation.counts).map { "\"\($0.rawValue)\"" }.joined(separator: ",")
            + "]"
    }
}
