import Foundation
import GRDB
import NastavnikCore

// The indicators' figures counted in SQL, for the dashboard on a country's database: small
// values per school instead of a line per person. The rules stay in NastavnikCore, called
// from SQL as functions (`StaffPopulation.counts`, `CellValue.fold`, `Coverage.reaches`), or,
// where a rule picks among rows, mirrored in SQL beside a comment naming it.
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
            Self.addPopulationFunctions(db)
            var columns = ["s.code", "count(*)"]
            var arguments: StatementArguments = []
            for c in Competence.allCases {
                columns.append("count(r.\(c.rawValue)_score)")
                columns.append("coalesce(sum(r.\(c.rawValue)_score > ?), 0)")
                arguments += [thresholds[c]]
            }
            arguments += Self.countedResultArguments(date)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(columns.joined(separator: ", "))
                    FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                    JOIN staff st ON st.id = r.staff_id JOIN school s ON s.id = st.school_id
                    WHERE \(Self.countedResult)
                    GROUP BY s.code ORDER BY s.code
                    """, arguments: arguments)
            var out: [SchoolDiagnosticCounts] = []
            while let row = try rows.next() {
                var scored: [Competence: Int] = [:]
                var above: [Competence: Int] = [:]
                for (index, c) in Competence.allCases.enumerated() {
                    scored[c] = row[2 + 2 * index]
                    if thresholds[c] != nil { above[c] = row[3 + 2 * index] }
                }
                out.append(
                    SchoolDiagnosticCounts(schoolCode: row[0], diagnosed: row[1], scored: scored, above: above))
            }
            return out
        }
    }

    /// The deficits of the counted diagnostic results on `date` (as `diagnosticCounts` picks
    /// them): per topic, how many workers have it, counted as `DiagnosticFigures` counts —
    /// case-insensitively (`CellValue.fold`), once a person, shown as first written in the order
    /// of the people (school code, name) and of each one's topics.
    public func deficitCounts(asOf date: LocalDate) throws -> [String: Int] {
        try reader.read { db in
            Self.addPopulationFunctions(db)
            // Each topic is folded once (few topics, many deficits), then every deficit of a
            // counted result is taken with its place in `DiagnosticFigures`'s order: the people
            // as `countedResults` sorts them (school code, name, row; SQLite's binary order is
            // Swift's on the NFC text the imports store), each person's topics by topic.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    WITH topic AS MATERIALIZED (
                        SELECT topic, nastavnik_fold(topic) AS key FROM deficit
                        WHERE diagnostic_result_id IS NOT NULL GROUP BY topic
                    ),
                    placed AS (
                        SELECT t.key, d.topic, r.id AS result,
                               row_number() OVER (PARTITION BY t.key ORDER BY s.code, st.full_name, st.id, d.topic) AS place
                        FROM deficit d JOIN topic t ON t.topic = d.topic
                        JOIN diagnostic_result r ON r.id = d.diagnostic_result_id
                        JOIN diagnostic_campaign c ON c.id = r.campaign_id
                        JOIN staff st ON st.id = r.staff_id JOIN school s ON s.id = st.school_id
                        WHERE \(Self.countedResult)
                    )
                    SELECT max(CASE WHEN place = 1 THEN topic END), count(DISTINCT result) FROM placed GROUP BY key
                    """, arguments: Self.countedResultArguments(date))
            var counts: [String: Int] = [:]
            while let row = try rows.next() { counts[row[0]] = row[1] }
            return counts
        }
    }

    /// Per school, how many of its pedagogical and leading workers an activity of `target`
    /// reached in `period` — an attended event, a mentoring pair as mentee — as
    /// `Coverage.compute` counts `reached` (its rule `Coverage.reaches` called from SQL) over
    /// `participantStaff` and `participations`. Schools nobody was reached in are absent.
    public func coverageCounts(target: CoverageTarget, period: ClosedRange<LocalDate>) throws -> [String: Int] {
        try reader.read { db in
            Self.addPopulationFunctions(db)
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
                    ) AND nastavnik_counted(st.position_kind)
                    GROUP BY s.code
                    """)
            while let row = try rows.next() { counts[row[0]] = row[1] }
            return counts
        }
    }

    /// SQL that holds when the result `r` (of the campaign `c`, of the worker `st`) is counted on
    /// the date of the arguments `countedResultArguments`: it mirrors
    /// `StaffPopulation.countedResults(upTo:)` — with consent, of a counted worker
    /// (`StaffPopulation.counts`, called), on or before the date, and no later such result of
    /// the same worker by (campaign date, campaign id).
    static let countedResult = """
        r.consent = 1 AND nastavnik_counted(st.position_kind) AND c.date <= ?
        AND NOT EXISTS (
            SELECT 1 FROM diagnostic_result r2 JOIN diagnostic_campaign c2 ON c2.id = r2.campaign_id
            WHERE r2.staff_id = r.staff_id AND r2.consent = 1 AND c2.date <= ?
              AND (c2.date > c.date OR (c2.date = c.date AND c2.id > c.id)))
        """

    /// The arguments of `countedResult`.
    static func countedResultArguments(_ date: LocalDate) -> StatementArguments { [date.iso, date.iso] }

    /// The rules of NastavnikCore the counts call: who counts (`StaffPopulation.counts`, by
    /// the stored kind) and the case-folding of deficit topics (`CellValue.fold`).
    private static func addPopulationFunctions(_ db: Database) {
        db.add(
            function: DatabaseFunction("nastavnik_counted", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).flatMap(PositionKind.init(rawValue:)).map(StaffPopulation.counts)
                    ?? false
            })
        db.add(
            function: DatabaseFunction("nastavnik_fold", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(CellValue.fold)
            })
    }
}
