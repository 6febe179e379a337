import Foundation
import GRDB
import NastavnikCore

/// The «500+» risk profiles (issue 21): what `RiskProposer` reads, and the levels stored.
extension NastavnikDatabase {
    /// The stored levels, by school code, year and factor; of one year or school when given.
    public func riskProfiles(year: Int? = nil, schoolCode: String? = nil) throws -> [RiskProfileLine] {
        try reader.read { db in
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let year {
                conditions.append("p.year = ?")
                arguments.append(year)
            }
            if let schoolCode {
                conditions.append("s.code = ?")
                arguments.append(schoolCode)
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.code, s.name, p.year, p.factor, p.level, p.source, p.reasons, p.note, p.recorded_at, p.recorded_by
                    FROM risk_profile p JOIN school s ON s.id = p.school_id
                    \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                    ORDER BY s.code, p.year, p.factor
                    """, arguments: StatementArguments(arguments))
            return rows.compactMap { row -> RiskProfileLine? in
                guard let factor = RiskFactor(rawValue: row["factor"]), let level = RiskLevel(rawValue: row["level"]),
                    let source = RiskSource(rawValue: row["source"])
                else { return nil }
                let reasons =
                    (try? JSONDecoder().decode([String].self, from: Data((row["reasons"] as String).utf8))) ?? []
                return RiskProfileLine(
                    schoolCode: row["code"], schoolName: row["name"], year: row["year"], factor: factor, level: level,
                    source: source, reasons: reasons, note: row["note"], recordedAt: row["recorded_at"],
                    recordedBy: row["recorded_by"])
            }
        }
    }

    /// Sets one level by hand (`risks set`); returns the level it had, if any.
    @discardableResult
    public func setRiskLevel(
        schoolCode: String, year: Int, factor: RiskFactor, level: RiskLevel, note: String?
    ) throws -> RiskLevel? {
        try write { db in
            let schoolID = try Self.riskSchoolID(db, code: schoolCode)
            let old = try String.fetchOne(
                db, sql: "SELECT level FROM risk_profile WHERE school_id = ? AND year = ? AND factor = ?",
                arguments: [schoolID, year, factor.rawValue]
            ).flatMap(RiskLevel.init(rawValue:))
            _ = try RiskProfileWrite.write(
                db, schoolID: schoolID, year: year, factor: factor, level: level, source: .manual, reasons: [],
                note: note)
            return old
        }
    }

    /// Records proposals as the profile of `year`, in one transaction: each becomes a confirmed
    /// level with its reasons. A level imported or set by hand is kept unless `replace`.
    /// Returns how many were written (added or changed) and the proposals left aside.
    public func saveRiskProposals(_ proposals: [RiskProposal], year: Int, replace: Bool) throws -> (
        written: Int, kept: [RiskProposal]
    ) {
        try write { db in
            var written = 0
            var kept: [RiskProposal] = []
            for proposal in proposals {
                let schoolID = try Self.riskSchoolID(db, code: proposal.schoolCode)
                let stored = try RiskProfileWrite.source(db, schoolID: schoolID, year: year, factor: proposal.factor)
                if !replace, let stored, stored != .confirmed {
                    kept.append(proposal)
                    continue
                }
                let outcome = try RiskProfileWrite.write(
                    db, schoolID: schoolID, year: year, factor: proposal.factor, level: proposal.level,
                    source: .confirmed, reasons: proposal.reasons, note: nil)
                if outcome != .unchanged { written += 1 }
            }
            return (written, kept)
        }
    }

    private static func riskSchoolID(_ db: Database, code: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [code]) else {
            throw StoreError.notFound(what: "школа с кодом", key: code)
        }
        return id
    }

    /// What `RiskProposer` reads of every school (or of one) for `year`: the staff, training and
    /// diagnostic figures as of `date`, the year's results and social context.
    public func riskInputs(year: Int, asOf date: LocalDate, schoolCode: String? = nil) throws -> [RiskInputs] {
        let overdue = try overdueCounts(asOf: date)
        let rule = try trainingRule()
        return try reader.read { db in
            var inputs: [Int64: RiskInputs] = [:]
            var order: [Int64] = []
            for row in try Row.fetchAll(
                db,
                sql: "SELECT id, code, students FROM school \(schoolCode == nil ? "" : "WHERE code = ?") ORDER BY code",
                arguments: StatementArguments(schoolCode.map { [$0] } ?? []))
            {
                var school = RiskInputs(schoolCode: row["code"])
                school.pupils = row["students"]
                school.trainingOverdue = overdue[school.schoolCode] ?? 0
                inputs[row["id"]] = school
                order.append(row["id"])
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT school_id, count(*) FROM staff WHERE position_kind = 'pedagogical' GROUP BY school_id")
            where inputs[row[0]] != nil {
                inputs[row[0]]!.pedagogicalStaff = row[1]
            }
            for counts in try Self.trainingCounts(db, asOf: date, rule: rule) where inputs[counts.schoolID] != nil {
                inputs[counts.schoolID]!.trainingBase = counts.base
            }
            for row in try Self.riskDiagnosticCounts(db, asOf: date) where inputs[row.school] != nil {
                inputs[row.school]!.diagnosed = row.diagnosed
                inputs[row.school]!.withDeficits = row.withDeficits
                inputs[row.school]!.belowThreshold = row.below
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT school_id, sum(participants), sum(coalesce(count_2 * 100.0, share_fail * participants))
                    FROM assessment_result
                    WHERE year = ? AND participants > 0 AND (count_2 IS NOT NULL OR share_fail IS NOT NULL)
                    GROUP BY school_id
                    """, arguments: [year])
            where inputs[row[0]] != nil {
                inputs[row[0]]!.resultParticipants = row[1]
                inputs[row[0]]!.failWeightedSum = row[2]
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM social_context WHERE year = ?", arguments: [year])
            where inputs[row["school_id"]] != nil {
                let id: Int64 = row["school_id"]
                inputs[id]!.social = SocialContext(
                    schoolCode: inputs[id]!.schoolCode, year: year, hardshipShare: row["hardship_share"],
                    nonNativeShare: row["non_native_share"], registeredShare: row["registered_share"],
                    higherEdParentShare: row["higher_ed_parent_share"], singleParentShare: row["single_parent_share"],
                    vacancies: row["vacancies"])
                inputs[id]!.vacancies = row["vacancies"]
            }
            for (id, share) in try Self.ovzShares(db, year: year) where inputs[id] != nil {
                inputs[id]!.ovzShare = share
            }
            return order.compactMap { inputs[$0] }
        }
    }

    /// The share of pupils with ОВЗ and disabled children per school id in `year`, percent: the
    /// social context's counts (v21), where the year records both and some pupils.
    static func ovzShares(_ db: Database, year: Int) throws -> [Int64: Double] {
        var shares: [Int64: Double] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT school_id, 100.0 * ovz_pupils / pupils FROM social_context
                WHERE year = ? AND pupils > 0 AND ovz_pupils IS NOT NULL
                """, arguments: [year])
        {
            shares[row[0]] = row[1]
        }
        return shares
    }

    /// Per school id, the counted diagnostic results on `date` (as `diagnosticCounts` picks
    /// them), those with a deficit, and those not above the threshold of some competence (the
    /// thresholds of the latest campaign's instrument, as the dashboard's 3.2).
    private static func riskDiagnosticCounts(_ db: Database, asOf date: LocalDate) throws -> [(
        school: Int64, diagnosed: Int, withDeficits: Int, below: Int
    )] {
        let instrument =
            try String.fetchOne(
                db,
                sql: "SELECT instrument FROM diagnostic_campaign WHERE date <= ? ORDER BY date DESC, id DESC LIMIT 1",
                arguments: [date.iso]) ?? "*"
        let map = try thresholds(db)
        var arguments = countedResultArguments(date)
        var tests: [String] = []
        for c in Competence.allCases {
            guard let t = threshold(map, instrument: instrument, c) else { continue }
            tests.append("r.\(c.rawValue)_score <= :\(c.rawValue)")
            arguments[c.rawValue] = t
        }
        let below = tests.isEmpty ? "0" : "coalesce(sum(coalesce(\(tests.joined(separator: " OR ")), 0)), 0)"
        return try Row.fetchAll(
            db,
            sql: """
                WITH \(countedCampaigns)
                SELECT st.school_id, count(*),
                    sum(EXISTS (SELECT 1 FROM deficit d WHERE d.diagnostic_result_id = r.id)), \(below)
                FROM diagnostic_result r JOIN campaign c ON c.id = r.campaign_id JOIN staff st ON st.id = r.staff_id
                WHERE \(countedResult)
                GROUP BY st.school_id
                """, arguments: StatementArguments(arguments)
        ).map { ($0[0], $0[1], $0[2], $0[3]) }
    }
}
