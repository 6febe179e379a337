import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// Every result's relative score (school mean ÷ region mean) in the years, the last three on
    /// record by default. The region mean is the file's, else the participant-weighted mean of
    /// the schools for that year, procedure, subject and grade.
    static func relativeScores(_ db: Database, years: ClosedRange<Int>?) throws
        -> [(schoolID: Int64, year: Int, subject: String, relative: Double)]
    {
        let range =
            try years
            ?? {
                let last = try Int.fetchOne(db, sql: "SELECT max(year) FROM assessment_result") ?? 0
                return (last - 2)...last
            }()
        let results = try ResultRow.fetchAll(
            db,
            sql: """
                SELECT school_id, year, assessment, subject, grade, mean_score, region_mean, coalesce(participants, 1) AS participants
                FROM assessment_result WHERE year BETWEEN ? AND ?
                """, arguments: [range.lowerBound, range.upperBound])
        func key(_ r: ResultRow) -> String { "\(r.year)|\(r.assessment)|\(r.subject)|\(r.grade)" }
        var weighted: [String: (sum: Double, n: Double)] = [:]
        for r in results {
            let p = Double(r.participants)
            weighted[key(r), default: (0, 0)].sum += r.meanScore * p
            weighted[key(r)]!.n += p
        }
        // A result without the region's mean is left out, as classification leaves it, unless the
        // setting classification.missing_region_mean takes the municipality's mean instead.
        let municipalMean =
            try Self.settings(db).text(Settings.classificationMissingRegionMean) == Settings.municipalMeanChoice
        return results.compactMap { r in
            guard let region = r.regionMean ?? (municipalMean ? weighted[key(r)].map({ $0.sum / max($0.n, 1) }) : nil)
            else { return nil }
            guard region > 0 else { return nil }
            return (r.schoolId, r.year, r.subject, r.meanScore / region)
        }
    }

    /// Schools with their relative scores over the years, deficit shares and curator capacity.
    public func matchSchools(years: ClosedRange<Int>?, defaultCapacity: Int = 2) throws -> [MatchSchool] {
        try writer.read { db in
            var relatives: [Int64: [String: [Double]]] = [:]
            for r in try Self.relativeScores(db, years: years) {
                relatives[r.schoolID, default: [:]][CellValue.fold(r.subject), default: []].append(r.relative)
            }
            var shares: [Int64: [String: Double]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    WITH latest AS (
                        SELECT r.id, r.staff_id FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                        WHERE \(Self.isLatestDiagnostic(campaignDate: "c.date", staff: "r.staff_id"))
                    )
                    SELECT st.school_id, d.topic, count(DISTINCT d.staff_id) * 1.0 /
                           (SELECT count(*) FROM latest l JOIN staff s2 ON s2.id = l.staff_id WHERE s2.school_id = st.school_id) AS share
                    FROM deficit d JOIN latest l ON l.id = d.diagnostic_result_id JOIN staff st ON st.id = d.staff_id
                    GROUP BY st.school_id, d.topic
                    """)
            {
                shares[row["school_id"], default: [:]][CellValue.fold(row["topic"])] = row["share"]
            }
            let statuses = try Self.statuses(db)
            return try Row.fetchAll(
                db,
                sql:
                    "SELECT id, code, name, municipality, latitude, longitude, curator_capacity FROM school ORDER BY code"
            ).map { row in
                let id: Int64 = row["id"]
                return MatchSchool(
                    id: id, code: row["code"], name: row["name"], municipality: row["municipality"],
                    latitude: row["latitude"],
                    longitude: row["longitude"],
                    relative: (relatives[id] ?? [:]).mapValues { $0.reduce(0, +) / Double($0.count) },
                    deficitShare: shares[id] ?? [:], capacity: (row["curator_capacity"] as Int?) ?? defaultCapacity,
                    statuses: statuses[id] ?? [])
            }
        }
    }

    /// Records a pairing decision; a school's earlier active pairing with another curator ends.
    /// The pair must pass `CuratorMatching.lockRefusal`: a school that needs support, a
    /// curator with a status the department allows.
    public func assignCurator(
        school: String, curator: String, curatorName: String?, coordinator: String?, orderRef: String?,
        since: LocalDate
    ) throws(StoreError) {
        try typedWrite { db in
            try Self.recordPairing(
                db, school: school, curator: curator, curatorName: curatorName, coordinator: coordinator,
                orderRef: orderRef, since: since)
        }
    }

    /// Records one pair in `db` (see `assignCurator`).
    static func recordPairing(
        _ db: Database, school: String, curator: String, curatorName: String?, coordinator: String?,
        orderRef: String?, since: LocalDate
    ) throws {
        guard let s = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [school])
        else {
            throw StoreError.notFound(what: "школа", key: school)
        }
        guard let c = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [curator])
        else {
            throw StoreError.notFound(what: "школа", key: curator)
        }
        guard s != c else { throw StoreError.invalid("Школа не может курировать сама себя.") }
        let statuses = try Self.statuses(db)
        func plain(_ id: Int64, _ code: String) -> MatchSchool {
            MatchSchool(
                id: id, code: code, name: code, municipality: nil, latitude: nil, longitude: nil, relative: [:],
                deficitShare: [:],
                capacity: 0, statuses: statuses[id] ?? [])
        }
        if let refusal = CuratorMatching.lockRefusal(
            school: plain(s, school), curator: plain(c, curator),
            allowed: CuratorMatching.allowedStatuses(try Self.settings(db)))
        {
            throw StoreError.invalid("Пара \(school) → \(curator) не записана: \(refusal).")
        }
        try db.execute(
            sql:
                "UPDATE curator_pairing SET until = ? WHERE school_id = ? AND curator_school_id <> ? AND until IS NULL",
            arguments: [since.iso, s, c])
        try db.execute(
            sql: """
                INSERT INTO curator_pairing (school_id, curator_school_id, curator_name, coordinator, since, order_ref)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(school_id, curator_school_id) DO UPDATE SET until = NULL,
                    curator_name = coalesce(excluded.curator_name, curator_name), coordinator = coalesce(excluded.coordinator, coordinator),
                    order_ref = coalesce(excluded.order_ref, order_ref)
                """, arguments: [s, c, curatorName, coordinator, since.iso, orderRef])
    }
}

extension NastavnikDatabase {
    /// Schools with their results in the years (the last three on record by default), latest
    /// social context and official statuses: what `ClassificationRules.classify` reads.
    public func classificationData(years: ClosedRange<Int>?) throws -> [ClassifiedSchool] {
        let overview = Dictionary(uniqueKeysWithValues: try schools().map { ($0.code, $0) })
        return try writer.read { db in
            let range =
                try years
                ?? {
                    let last = try Int.fetchOne(db, sql: "SELECT max(year) FROM assessment_result") ?? 0
                    return (last - 2)...last
                }()
            var results: [String: [ClassifiedResult]] = [:]
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.code, r.year, r.assessment, r.subject, r.grade, r.participants, r.mean_score AS mean, r.region_mean
                    FROM assessment_result r JOIN school s ON s.id = r.school_id WHERE r.year BETWEEN ? AND ?
                    ORDER BY s.code, r.year, r.assessment, r.subject, r.grade
                    """, arguments: [range.lowerBound, range.upperBound])
            {
                results[r["code"], default: []].append(
                    ClassifiedResult(
                        year: r["year"], assessment: r["assessment"], subject: r["subject"],
                        grade: r["grade"], participants: r["participants"], mean: r["mean"],
                        regionMean: r["region_mean"]))
            }
            var social: [String: SocialContext] = [:]
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.code, c.year, c.hardship_share, c.non_native_share, c.registered_share, c.higher_ed_parent_share, c.single_parent_share
                    FROM social_context c JOIN school s ON s.id = c.school_id ORDER BY c.year
                    """)
            {
                social[r["code"]] = SocialContext(
                    schoolCode: r["code"], year: r["year"], hardshipShare: r["hardship_share"],
                    nonNativeShare: r["non_native_share"], registeredShare: r["registered_share"],
                    higherEdParentShare: r["higher_ed_parent_share"], singleParentShare: r["single_parent_share"])
            }
            return overview.keys.sorted().map { code in
                ClassifiedSchool(
                    code: code, name: overview[code]!.name, results: results[code] ?? [],
                    social: social[code], official: overview[code]!.statuses)
            }
        }
    }

    /// Stores proposed statuses (kept apart from the official ones) with their reasons.
    public func saveProposedStatuses(_ proposals: [(code: String, statuses: [SchoolStatus], reason: String)]) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM school_status WHERE source = 'proposed'")
            for p in proposals {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [p.code])
                else { continue }
                for status in p.statuses {
                    try db.execute(
                        sql:
                            "INSERT INTO school_status (school_id, status, source, reason) VALUES (?, ?, 'proposed', ?)",
                        arguments: [id, status.rawValue, p.reason])
                }
            }
        }
    }
}

extension NastavnikDatabase {
    /// How many schools one curator school may take (its own setting; the default applies otherwise).
    /// Throws `StaleRecordError` when `expectedVersion` (`curatorsVersion`, as a form was opened
    /// with) is no longer the curators'.
    public func setCuratorCapacity(school: String, capacity: Int, expectedVersion: Int64? = nil) throws {
        try checkedWrite { db in
            try RecordVersion.check(db, try Self.curatorVersionParts(db), expected: expectedVersion)
            try db.execute(sql: "UPDATE school SET curator_capacity = ? WHERE code = ?", arguments: [capacity, school])
            guard db.changesCount == 1 else { throw StoreError.notFound(what: "школа", key: school) }
        }
    }
}

/// An assessment result with its participants (1 when not given), as the relative scores read it.
private struct ResultRow: SnakeCaseRow {
    var schoolId: Int64
    var year: Int
    var assessment: String
    var subject: String
    var grade: String
    var meanScore: Double
    var regionMean: Double?
    var participants: Int
}
