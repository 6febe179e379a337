import Foundation
import PostgresNIO

extension RegionDatabase {
    /// Every person of every municipality who must be sent on a course in `year` (the municipal
    /// training orders' candidates), each person once: someone in two municipalities (linked by
    /// the СНИЛС) is taken from the one that pushed last (a tie, by the municipality and the line's
    /// key: the same data always gives the same order).
    public func orderLines(year: Int) async throws -> [RegionOrderLine] {
        try await withConnection { c in
            try await Self.requireCurrentSchema(c, url: url)
            var lines: [RegionOrderLine] = []
            let rows = try await c.query(
                """
                WITH lines AS (
                    SELECT n.*, p.link, p.full_name FROM nastavnik.need n
                    LEFT JOIN nastavnik.person p ON p.municipality_id = n.municipality_id AND p.key = n.person_key
                        AND p.deleted_at IS NULL
                    WHERE n.deleted_at IS NULL AND n.year = \(year)
                ), people AS (
                    (SELECT DISTINCT ON (l.link) l.* FROM lines l JOIN nastavnik.municipality m ON m.id = l.municipality_id
                     WHERE l.link IS NOT NULL ORDER BY l.link, m.last_push_at DESC NULLS LAST, l.municipality_id, l.key)
                    UNION ALL
                    SELECT * FROM lines WHERE link IS NULL
                )
                SELECT m.name, n.school_code, s.name, coalesce(n.full_name, n.person_key), n.reason, n.due,
                    n.course_code, n.course_title, n.provider, n.hours::float8, n.topics
                FROM people n JOIN nastavnik.municipality m ON m.id = n.municipality_id
                LEFT JOIN nastavnik.school s ON s.municipality_id = n.municipality_id AND s.key = n.school_code
                    AND s.deleted_at IS NULL
                ORDER BY m.name COLLATE "C", coalesce(n.school_code, '') COLLATE "C",
                    coalesce(n.full_name, n.person_key) COLLATE "C", n.municipality_id, n.key
                """, logger: Self.logger)
            for try await row in rows.decode(
                (String, String?, String?, String, String?, Bool?, String?, String?, String?, Double?, String?).self)
            {
                lines.append(
                    RegionOrderLine(
                        municipality: row.0, schoolCode: row.1 ?? "", schoolName: row.2, person: row.3,
                        reason: row.4 ?? "", due: row.5 ?? false, courseCode: row.6, courseTitle: row.7,
                        provider: row.8, hours: row.9, topics: row.10))
            }
            // In the order of the strings' code points, as Swift compares them, sorted by the server.
            return lines
        }
    }
}
