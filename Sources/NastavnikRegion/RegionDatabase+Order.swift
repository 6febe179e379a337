import Foundation
import PostgresNIO

extension RegionDatabase {
    /// Every person of every municipality who must be sent on a course in `year` (the municipal
    /// training orders' candidates), each person once: someone in two municipalities (linked by
    /// the СНИЛС) is taken from the one that pushed last.
    public func orderLines(year: Int) async throws -> [RegionOrderLine] {
        try await withConnection { c in
            try await Self.requireCurrentSchema(c, url: url)
            var lines: [RegionOrderLine] = []
            let rows = try await c.query(
                """
                SELECT DISTINCT ON (coalesce(p.link, n.municipality_id::text || '/' || n.person_key))
                    m.name, n.school_code, s.name, coalesce(p.full_name, n.person_key), n.reason, n.due,
                    n.course_code, n.course_title, n.provider, n.hours::float8, n.topics
                FROM nastavnik.need n JOIN nastavnik.municipality m ON m.id = n.municipality_id
                LEFT JOIN nastavnik.person p ON p.municipality_id = n.municipality_id AND p.key = n.person_key
                    AND p.deleted_at IS NULL
                LEFT JOIN nastavnik.school s ON s.municipality_id = n.municipality_id AND s.key = n.school_code
                    AND s.deleted_at IS NULL
                WHERE n.deleted_at IS NULL AND n.year = \(year)
                ORDER BY coalesce(p.link, n.municipality_id::text || '/' || n.person_key), m.last_push_at DESC NULLS LAST
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
            return lines.sorted {
                ($0.municipality, $0.schoolCode, $0.person) < ($1.municipality, $1.schoolCode, $1.person)
            }
        }
    }
}
