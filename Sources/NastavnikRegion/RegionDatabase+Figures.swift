import Foundation
import PostgresNIO

extension RegionDatabase {
    /// The region's figures on `asOf` (`YYYY-MM-DD`), over the rows not marked deleted.
    ///
    /// The report's queries run at once on `reportSessions` connections that share one snapshot
    /// of the database (the first connection's, exported): every figure is of the same moment, as
    /// if one session had run them one after another.
    public func figures(asOf: String) async throws -> RegionFigures {
        try await withConnection { c in
            try await Self.requireCurrentSchema(c, url: url)
            return try await Self.inReadSnapshot(c) {
                var snapshot = ""
                for try await id in try await c.query("SELECT pg_export_snapshot()", logger: Self.logger)
                    .decode(String.self)
                {
                    snapshot = id
                }
                return try await withSnapshotSessions(Self.reportSessions - 1, snapshot: snapshot) { others in
                    let parts = try await Self.concurrently(Self.figureQueries(asOf: asOf), on: [c] + others)
                    var f = RegionFigures(asOf: asOf)
                    for part in parts { part(&f) }
                    return f
                }
            }
        }
    }

    /// The connections the region's report queries on at once (the first one included). A
    /// judgement: its longest query takes about a quarter of the whole, and a regional server has
    /// at least two cores; three sessions keep both busy while one waits on the client.
    public static let reportSessions = 3

    /// `count` more connections, each in a read-only transaction on the exported `snapshot`,
    /// given to `body` and closed after it.
    func withSnapshotSessions<T: Sendable>(
        _ count: Int, snapshot: String, _ body: ([PostgresConnection]) async throws -> T
    ) async throws -> T {
        var sessions: [PostgresConnection] = []
        do {
            for n in 0..<count {
                let session: PostgresConnection
                do {
                    session = try await PostgresConnection.connect(
                        configuration: try configuration(), id: 2 + n, logger: Self.logger)
                } catch {
                    throw explained(error, connecting: true)
                }
                sessions.append(session)
                try await Self.run(session, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                try await session.query("SET TRANSACTION SNAPSHOT \(unescaped: "'\(snapshot)'")", logger: Self.logger)
            }
            let result = try await body(sessions)
            for session in sessions { try? await session.close() }
            return result
        } catch {
            for session in sessions { try? await session.close() }
            throw error
        }
    }

    /// Runs `jobs` on `connections`, each connection taking the next job when it is free; the
    /// results in the jobs' order.
    static func concurrently<T: Sendable>(
        _ jobs: [@Sendable (PostgresConnection) async throws -> T], on connections: [PostgresConnection]
    ) async throws -> [T] {
        let queue = JobQueue(count: jobs.count)
        return try await withThrowingTaskGroup(of: [(Int, T)].self) { group in
            for connection in connections {
                group.addTask {
                    var done: [(Int, T)] = []
                    while let i = await queue.next() { done.append((i, try await jobs[i](connection))) }
                    return done
                }
            }
            var results = [T?](repeating: nil, count: jobs.count)
            for try await done in group {
                for (i, result) in done { results[i] = result }
            }
            return results.map { $0! }
        }
    }

    /// Hands out job numbers in order, each once.
    actor JobQueue {
        private var given = 0
        private let count: Int

        init(count: Int) { self.count = count }

        func next() -> Int? {
            guard given < count else { return nil }
            defer { given += 1 }
            return given
        }
    }

    /// What one of the report's queries adds to the figures.
    typealias FigurePart = @Sendable (inout RegionFigures) -> Void

    /// The report's queries, the longest first (on 50 full-size municipalities: the diagnostics
    /// 2.9 s, the region's training 2.4 s, the movers 1.8 s, the seminar coverage 1.7 s, the
    /// deficits 1.4 s, the municipalities' training 1.0 s, the rest a few milliseconds), each
    /// giving the fields it fills.
    static func figureQueries(asOf: String) -> [@Sendable (PostgresConnection) async throws -> FigurePart] {
        [
            { c in
                var f = RegionFigures(asOf: asOf)
                for try await (m, competence, diagnosed, above) in try await c.query(
                    """
                    WITH counted AS (
                        SELECT d.* FROM nastavnik.diagnostic d JOIN nastavnik.person p
                            ON p.municipality_id = d.municipality_id AND p.key = d.person_key AND p.deleted_at IS NULL AND p.counted
                        WHERE d.deleted_at IS NULL
                    ), scores AS (
                        SELECT municipality_id, person_key, c.competence, c.score, c.threshold FROM counted
                        CROSS JOIN LATERAL (VALUES ('subject', subject_score, subject_threshold),
                            ('methodological', methodological_score, methodological_threshold),
                            ('psychological', psychological_score, psychological_threshold),
                            ('communicative', communicative_score, communicative_threshold)) AS c(competence, score, threshold)
                        WHERE c.score IS NOT NULL AND c.threshold IS NOT NULL
                    )
                    SELECT m.name, competence, count(*)::int, count(*) FILTER (WHERE score > threshold)::int
                    FROM scores JOIN nastavnik.municipality m ON m.id = scores.municipality_id GROUP BY m.name, competence
                    UNION ALL
                    SELECT m.name, 'all', count(*)::int, count(*) FILTER (WHERE every_above)::int
                    FROM (SELECT municipality_id, person_key, bool_and(score > threshold) AS every_above FROM scores
                          GROUP BY municipality_id, person_key) people
                    JOIN nastavnik.municipality m ON m.id = people.municipality_id GROUP BY m.name
                    ORDER BY 1, 2
                    """, logger: Self.logger
                ).decode((String, String, Int, Int).self) {
                    f.diagnostics.append(
                        .init(municipality: m, competence: competence, diagnosed: diagnosed, above: above))
                    if competence == "all" { f.diagnosed[m] = diagnosed }
                }
                return { [f] in
                    $0.diagnostics = f.diagnostics
                    $0.diagnosed = f.diagnosed
                }
            },
            { c in
                var f = RegionFigures(asOf: asOf)
                // A person in two municipalities (linked by the СНИЛС) is one: their latest training
                // and latest due day count.
                for try await (counted, trained, overdue) in try await c.query(
                    """
                    WITH people AS (
                        SELECT max(last_training_end) AS last_end, max(training_due) AS due
                        FROM nastavnik.person WHERE deleted_at IS NULL AND counted AND link IS NOT NULL GROUP BY link
                        UNION ALL
                        SELECT last_training_end, training_due
                        FROM nastavnik.person WHERE deleted_at IS NULL AND counted AND link IS NULL
                    )
                    SELECT count(*)::int,
                        count(*) FILTER (WHERE last_end BETWEEN (\(asOf)::date - interval '3 years')::date AND \(asOf)::date)::int,
                        count(*) FILTER (WHERE due IS NULL OR due < \(asOf)::date)::int
                    FROM people
                    """, logger: Self.logger
                ).decode((Int, Int, Int).self) {
                    f.regionTraining = .init(
                        municipality: "Регион", counted: counted, trained: trained, overdue: overdue)
                }
                return { [f] in $0.regionTraining = f.regionTraining }
            },
            { c in
                var f = RegionFigures(asOf: asOf)
                for try await n in try await c.query(
                    """
                    SELECT count(*)::int FROM (SELECT link FROM nastavnik.person WHERE link IS NOT NULL AND deleted_at IS NULL
                        GROUP BY link HAVING min(municipality_id::text) <> max(municipality_id::text)) movers
                    """, logger: Self.logger
                ).decode(Int.self) { f.movers = n }
                return { [f] in $0.movers = f.movers }
            },
            { c in
                var f = RegionFigures(asOf: asOf)
                for try await (m, withDeficit, invited, attended) in try await c.query(
                    """
                    WITH needs AS (
                        SELECT d.municipality_id, d.person_key, lower(d.topic) AS topic FROM nastavnik.deficit d
                        JOIN nastavnik.person p ON p.municipality_id = d.municipality_id AND p.key = d.person_key
                            AND p.deleted_at IS NULL AND p.counted
                        WHERE d.deleted_at IS NULL
                    ), reached AS (
                        SELECT pa.municipality_id, pa.person_key, lower(e.topic) AS topic, bool_or(coalesce(pa.attended, false)) AS attended
                        FROM nastavnik.participant pa JOIN nastavnik.event e
                            ON e.municipality_id = pa.municipality_id AND e.key = pa.event_key AND e.deleted_at IS NULL
                        WHERE pa.deleted_at IS NULL AND e.topic IS NOT NULL AND e.date <= \(asOf)::date
                        GROUP BY 1, 2, 3
                    )
                    SELECT m.name, count(DISTINCT n.person_key)::int,
                        count(DISTINCT n.person_key) FILTER (WHERE r.person_key IS NOT NULL)::int,
                        count(DISTINCT n.person_key) FILTER (WHERE r.attended)::int
                    FROM needs n LEFT JOIN reached r USING (municipality_id, person_key, topic)
                    JOIN nastavnik.municipality m ON m.id = n.municipality_id
                    GROUP BY m.name ORDER BY m.name
                    """, logger: Self.logger
                ).decode((String, Int, Int, Int).self) {
                    f.coverage.append(
                        .init(municipality: m, withDeficit: withDeficit, invited: invited, attended: attended))
                }
                return { [f] in $0.coverage = f.coverage }
            },
            { c in
                var f = RegionFigures(asOf: asOf)
                for try await (m, topic, people) in try await c.query(
                    """
                    SELECT m.name, min(d.topic), count(DISTINCT d.person_key)::int
                    FROM nastavnik.deficit d JOIN nastavnik.person p
                        ON p.municipality_id = d.municipality_id AND p.key = d.person_key AND p.deleted_at IS NULL AND p.counted
                    JOIN nastavnik.municipality m ON m.id = d.municipality_id
                    WHERE d.deleted_at IS NULL GROUP BY m.name, lower(d.topic) ORDER BY 1, 2
                    """, logger: Self.logger
                ).decode((String, String, Int).self) {
                    f.deficits.append(.init(municipality: m, topic: topic, people: people))
                }
                return { [f] in $0.deficits = f.deficits }
            },
            { c in
                var f = RegionFigures(asOf: asOf)
                for try await (m, counted, trained, overdue) in try await c.query(
                    """
                    SELECT m.name, count(*)::int,
                        count(*) FILTER (WHERE p.last_training_end BETWEEN (\(asOf)::date - interval '3 years')::date AND \(asOf)::date)::int,
                        count(*) FILTER (WHERE p.training_due IS NULL OR p.training_due < \(asOf)::date)::int
                    FROM nastavnik.person p JOIN nastavnik.municipality m ON m.id = p.municipality_id
                    WHERE p.deleted_at IS NULL AND p.counted GROUP BY m.id, m.name ORDER BY m.name
                    """, logger: Self.logger
                ).decode((String, Int, Int, Int).self) {
                    f.training.append(.init(municipality: m, counted: counted, trained: trained, overdue: overdue))
                }
                return { [f] in $0.training = f.training }
            },
            { c in
                var f = RegionFigures(asOf: asOf)
                for try await (m, total, statuses) in try await c.query(
                    """
                    SELECT m.name, count(*)::int, coalesce(string_agg(s.statuses, ','), '')
                    FROM nastavnik.school s JOIN nastavnik.municipality m ON m.id = s.municipality_id
                    WHERE s.deleted_at IS NULL GROUP BY m.id, m.name ORDER BY m.name
                    """, logger: Self.logger
                ).decode((String, Int, String).self) {
                    var byStatus: [String: Int] = [:]
                    for status in statuses.split(separator: ",") { byStatus[String(status), default: 0] += 1 }
                    f.schools.append(.init(municipality: m, total: total, byStatus: byStatus))
                }
                return { [f] in $0.schools = f.schools }
            },
            { c in
                var f = RegionFigures(asOf: asOf)
                for try await row in try await c.query(
                    """
                    SELECT m.name, pr.school_code, s.name, pr.curator_school_code, cs.name, pr.curator_municipality,
                        pr.curator_name, pr.since::text, pr.until::text, pr.order_ref,
                        coalesce(pr.curator_municipality <> coalesce(s.municipality_name, m.name), false)
                    FROM nastavnik.pairing pr JOIN nastavnik.municipality m ON m.id = pr.municipality_id
                    LEFT JOIN nastavnik.school s ON s.municipality_id = pr.municipality_id AND s.key = pr.school_code
                    LEFT JOIN nastavnik.school cs ON cs.municipality_id = pr.municipality_id AND cs.key = pr.curator_school_code
                    WHERE pr.deleted_at IS NULL AND (pr.until IS NULL OR pr.until >= \(asOf)::date)
                    ORDER BY m.name, pr.school_code, pr.curator_school_code
                    """, logger: Self.logger
                ).decode(
                    (String, String, String?, String, String?, String?, String?, String?, String?, String?, Bool).self)
                {
                    f.pairs.append(
                        .init(
                            municipality: row.0, schoolCode: row.1, schoolName: row.2, curatorSchoolCode: row.3,
                            curatorSchoolName: row.4, curatorMunicipality: row.5, curatorName: row.6, since: row.7,
                            until: row.8, order: row.9, fromOtherMunicipality: row.10))
                }
                return { [f] in $0.pairs = f.pairs }
            },
            { c in
                var f = RegionFigures(asOf: asOf)
                for try await row in try await c.query(
                    """
                    SELECT DISTINCT ON (m.name, i.municipality_id, i.code)
                        m.name, i.code, i.title, i.unit, i.year, i.baseline::float8, i.target::float8, i.actual::float8, i.on_track
                    FROM nastavnik.indicator i JOIN nastavnik.municipality m ON m.id = i.municipality_id
                    WHERE i.deleted_at IS NULL AND i.school_code = '' AND i.year <= extract(year FROM \(asOf)::date)
                    ORDER BY m.name, i.municipality_id, i.code, (i.actual IS NOT NULL) DESC, i.year DESC
                    """, logger: Self.logger
                ).decode((String, String, String?, String?, Int, Double?, Double?, Double?, Bool?).self) {
                    f.indicators.append(
                        .init(
                            municipality: row.0, code: row.1, title: row.2 ?? row.1, unit: row.3, year: row.4,
                            baseline: row.5, target: row.6, actual: row.7, onTrack: row.8))
                }
                return { [f] in $0.indicators = f.indicators }
            },
            { c in
                var f = RegionFigures(asOf: asOf)
                for try await (oktmo, name, day, at) in try await c.query(
                    "SELECT oktmo, name, as_of::text, last_push_at FROM nastavnik.municipality ORDER BY name, oktmo",
                    logger: Self.logger
                ).decode((String, String, String?, Date?).self) {
                    f.municipalities.append(.init(oktmo: oktmo, name: name, asOf: day, lastPushAt: at))
                }
                return { [f] in $0.municipalities = f.municipalities }
            },
        ]
    }
}
