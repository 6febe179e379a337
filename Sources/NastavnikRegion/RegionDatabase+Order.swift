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
                var snapshot = ""
                for try await id in try await c.query("SELECT pg_export_snapshot()", logger: Self.logger)
                    .decode(String.self)
                {
                    snapshot = id
                }
                let names = Dictionary(municipalities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
                let parts = try await withSnapshotSessions(Self.orderParts.count - 1, snapshot: snapshot) { others in
                    try await Self.concurrently(
                        Self.orderParts.map { part in
                            { @Sendable connection in
                                try await Self.orderPart(part, year: year, names: names, on: connection)
                            }
                        }, on: [c] + others)
                }
                var lines = parts.flatMap(\.lines)
                let keys = parts.flatMap(\.keys)
                Self.sort(&lines, keys: keys, municipalities: municipalities)
                return lines
            }
        }
    }

    /// The order's lines fetched in parts at once, each on its own connection sharing one snapshot:
    /// a part is the people whose links fall in a range of hex digits (so a person linked across
    /// municipalities is in one part, and deduplicated there), the first with the people without a
    /// link. Three, as the report's sessions (`reportSessions`): one connection decoded 291,050
    /// lines in about 4 s with both cores half idle, handing rows between its two threads.
    static let orderParts: [(links: String, withoutLink: Bool)] = [
        ("n.link COLLATE \"C\" < '6'", true), ("n.link COLLATE \"C\" >= '6' AND n.link COLLATE \"C\" < 'b'", false),
        ("n.link COLLATE \"C\" >= 'b'", false),
    ]

    /// One part of the order: its lines unsorted, each with its municipality and key. Each branch
    /// reads the needs by `need_year_link` (r5); no common table is materialized for both.
    static func orderPart(
        _ part: (links: String, withoutLink: Bool), year: Int, names: [UUID: String], on c: PostgresConnection
    ) async throws -> (lines: [RegionOrderLine], keys: [(municipality: UUID, key: String)]) {
        let columns = """
            n.municipality_id, n.key, n.school_code, n.school_name, coalesce(n.full_name, n.person_key),
            n.reason, n.due, n.course_code, n.course_title, n.provider, n.hours::float8, n.topics
            """
        let withoutLink =
            part.withoutLink
            ? """
            UNION ALL
            SELECT \(columns) FROM nastavnik.need n WHERE n.deleted_at IS NULL AND n.year = \(year) AND n.link IS NULL
            """ : ""
        let rows = try await c.query(
            PostgresQuery(
                unsafeSQL: """
                    (SELECT DISTINCT ON (n.link COLLATE "C") \(columns)
                     FROM nastavnik.need n JOIN nastavnik.municipality m ON m.id = n.municipality_id
                     WHERE n.deleted_at IS NULL AND n.year = \(year) AND \(part.links)
                     ORDER BY n.link COLLATE "C", m.last_push_at DESC NULLS LAST, n.municipality_id, n.key)
                    \(withoutLink)
                    """), logger: Self.logger)
        var lines: [RegionOrderLine] = []
        var keys: [(municipality: UUID, key: String)] = []
        for try await row in rows.decode(
            (UUID, String, String?, String?, String, String?, Bool?, String?, String?, String?, Double?, String?).self)
        {
            lines.append(
                RegionOrderLine(
                    municipality: names[row.0] ?? "", schoolCode: row.2 ?? "", schoolName: row.3, person: row.4,
                    reason: row.5 ?? "", due: row.6 ?? false, courseCode: row.7, courseTitle: row.8, provider: row.9,
                    hours: row.10, topics: row.11))
            keys.append((row.0, row.1))
        }
        return (lines, keys)
    }

    /// Puts `lines` in the order's order: the municipality's name, the school's code, the person's
    /// name, byte by byte (PostgreSQL's `COLLATE "C"`), then the municipality's id (as a `uuid`
    /// sorts: its bytes) and the line's key.
    static func sort(
        _ lines: inout [RegionOrderLine], keys: [(municipality: UUID, key: String)],
        municipalities: [(id: UUID, name: String)]
    ) {
        guard lines.count > 1 else { return }
        // Ranks stand for the municipality's name and id: 50 names compared once, not at every step.
        let names = Set(municipalities.map { UTF8Key($0.name) }).sorted()
        let nameRank = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let ids = municipalities.map(\.id).sorted { Self.bytes(of: $0).lexicographicallyPrecedes(Self.bytes(of: $1)) }
        var ranks: [UUID: (name: Int, id: Int)] = [:]
        for (n, id) in ids.enumerated() { ranks[id] = (0, n) }
        for m in municipalities { ranks[m.id]?.name = nameRank[UTF8Key(m.name)] ?? 0 }
        let rank = keys.map { ranks[$0.municipality] ?? (Int.max, Int.max) }
        // The compared fields apart from the lines: a line's copy would retain all eleven. The
        // schools by rank too (a region has some 40,000 codes): only people of one school are
        // compared by their names' bytes.
        let codes = Set(lines.map { UTF8Key($0.schoolCode) }).sorted()
        let codeRank = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let schools = lines.map { codeRank[UTF8Key($0.schoolCode)] ?? 0 }
        let people = lines.map(\.person)
        let order = lines.indices.sorted { a, b in
            if rank[a].name != rank[b].name { return rank[a].name < rank[b].name }
            if schools[a] != schools[b] { return schools[a] < schools[b] }
            let person = UTF8Key.compare(people[a], people[b])
            if person != 0 { return person < 0 }
            if rank[a].id != rank[b].id { return rank[a].id < rank[b].id }
            return UTF8Key.compare(keys[a].key, keys[b].key) < 0
        }
        // Lines moved into place by swaps, not copied: position i takes the line `order[i]`,
        // found where the earlier swaps left it.
        for i in lines.indices {
            var j = order[i]
            while j < i { j = order[j] }
            lines.swapAt(i, j)
        }
    }

    static func bytes(of id: UUID) -> [UInt8] {
        withUnsafeBytes(of: id.uuid) { Array($0) }
    }
}
