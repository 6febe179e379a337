import Foundation
import NastavnikCore
import PostgresNIO

extension RegionDatabase {
    /// Every person of every municipality who must be sent on a course in `year` (the municipal
    /// training orders' candidates), each person once: someone in two municipalities (linked by
    /// the СНИЛС) is taken from the one that pushed last (a tie, by the municipality and the line's
    /// key: the same data always gives the same order). In the order of the municipality's name,
    /// the school's code, the person's name (each compared byte by byte), then the municipality's
    /// id and the line's key.
    public func orderLines(year: Int) async throws -> [RegionOrderLine] {
        try await withConnection { c in
            try await Self.requireCurrentSchema(c, url: url)
            return try await Self.inReadSnapshot(c) {
                var municipalities: [(id: UUID, name: String)] = []
                for try await (id, name) in try await c.query(
                    "SELECT id, name FROM nastavnik.municipality", logger: Self.logger
                ).decode((UUID, String).self) {
                    municipalities.append((id, name))
                }
                // The lines come unsorted, as the deduplication makes them: the client sorts them
                // while the server would only start sending once its own sort of every line ended
                // (1.1–1.5 s of the 291,050 lines of the bench region's 2027).
                let rows = try await c.query(
                    """
                    WITH lines AS (
                        SELECT municipality_id, key, school_code, school_name, coalesce(full_name, person_key) AS person,
                            reason, due, course_code, course_title, provider, hours::float8 AS hours, topics, link
                        FROM nastavnik.need WHERE deleted_at IS NULL AND year = \(year)
                    )
                    SELECT municipality_id, key, school_code, school_name, person, reason, due, course_code,
                        course_title, provider, hours, topics
                    FROM (
                        (SELECT DISTINCT ON (l.link COLLATE "C") l.* FROM lines l
                         JOIN nastavnik.municipality m ON m.id = l.municipality_id WHERE l.link IS NOT NULL
                         ORDER BY l.link COLLATE "C", m.last_push_at DESC NULLS LAST, l.municipality_id, l.key)
                        UNION ALL
                        SELECT * FROM lines WHERE link IS NULL
                    ) chosen
                    """, logger: Self.logger)
                var lines: [RegionOrderLine] = []
                var sortKeys: [(municipality: UUID, key: String)] = []
                let names = Dictionary(municipalities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
                for try await row in rows.decode(
                    (
                        UUID, String, String?, String?, String, String?, Bool?, String?, String?, String?, Double?,
                        String?
                    ).self)
                {
                    lines.append(
                        RegionOrderLine(
                            municipality: names[row.0] ?? "", schoolCode: row.2 ?? "", schoolName: row.3,
                            person: row.4, reason: row.5 ?? "", due: row.6 ?? false, courseCode: row.7,
                            courseTitle: row.8, provider: row.9, hours: row.10, topics: row.11))
                    sortKeys.append((row.0, row.1))
                }
                return Self.sorted(lines, keys: sortKeys, municipalities: municipalities)
            }
        }
    }

    /// `lines` in the order's order: the municipality's name, the school's code, the person's
    /// name, byte by byte (PostgreSQL's `COLLATE "C"`), then the municipality's id (as a `uuid`
    /// sorts: its bytes) and the line's key.
    static func sorted(
        _ lines: [RegionOrderLine], keys: [(municipality: UUID, key: String)],
        municipalities: [(id: UUID, name: String)]
    ) -> [RegionOrderLine] {
        guard lines.count > 1 else { return lines }
        // Ranks stand for the municipality's name and id: 50 names compared once, not at every step.
        let names = Set(municipalities.map { UTF8Key($0.name) }).sorted()
        let nameRank = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let ids = municipalities.map(\.id).sorted { Self.bytes(of: $0).lexicographicallyPrecedes(Self.bytes(of: $1)) }
        var ranks: [UUID: (name: Int, id: Int)] = [:]
        for (n, id) in ids.enumerated() { ranks[id] = (0, n) }
        for m in municipalities { ranks[m.id]?.name = nameRank[UTF8Key(m.name)] ?? 0 }
        let rank = keys.map { ranks[$0.municipality] ?? (Int.max, Int.max) }
        // The compared fields apart from the lines: a line's copy would retain all eleven.
        let schools = lines.map(\.schoolCode)
        let people = lines.map(\.person)
        let order = lines.indices.sorted { a, b in
            if rank[a].name != rank[b].name { return rank[a].name < rank[b].name }
            let school = UTF8Key.compare(schools[a], schools[b])
            if school != 0 { return school < 0 }
            let person = UTF8Key.compare(people[a], people[b])
            if person != 0 { return person < 0 }
            if rank[a].id != rank[b].id { return rank[a].id < rank[b].id }
            return UTF8Key.compare(keys[a].key, keys[b].key) < 0
        }
        return order.map { lines[$0] }
    }

    static func bytes(of id: UUID) -> [UInt8] {
        withUnsafeBytes(of: id.uuid) { Array($0) }
    }
}
