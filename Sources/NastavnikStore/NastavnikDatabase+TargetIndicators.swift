import GRDB
import NastavnikCore

// The target indicators (issue #21): their records, and the results and social counts their
// formulas read (the rules are NastavnikCore's `IndicatorCalculator`).
extension NastavnikDatabase {
    /// The municipality's own indicators, the baselines, targets and hand-entered values.
    public func indicatorRecords() throws -> IndicatorRecords {
        try reader.read { db in
            let own = try Row.fetchAll(
                db, sql: "SELECT code, name, population, unit, lower_is_better FROM target_indicator ORDER BY id"
            ).map { row in
                TargetIndicator(
                    code: row["code"], name: row["name"], population: row["population"], unit: row["unit"],
                    lowerIsBetter: row["lower_is_better"])
            }
            func values(_ kind: IndicatorValueKind) throws -> [IndicatorValue] {
                let school = kind == .baseline ? "NULL" : "(SELECT code FROM school WHERE id = v.school_id)"
                return try Row.fetchAll(
                    db,
                    sql:
                        "SELECT v.code, \(school) AS school_code, v.year, v.value FROM \(kind.table) v ORDER BY v.code, v.year"
                ).map {
                    IndicatorValue(
                        code: $0["code"], schoolCode: $0["school_code"], year: $0["year"], value: $0["value"])
                }
            }
            return IndicatorRecords(
                own: own, baselines: try values(.baseline), targets: try values(.target), actuals: try values(.actual))
        }
    }

    /// Adds the municipality's own indicator, entered by hand; `StoreError.invalid` when its code is taken.
    public func defineIndicator(_ indicator: TargetIndicator) throws {
        try checkedWrite { db in
            // Case aside in Russian too (SQLite's lower() folds ASCII only).
            if let taken = try String.fetchAll(db, sql: "SELECT code FROM target_indicator").first(where: {
                CellValue.fold($0) == CellValue.fold(indicator.code)
            }) {
                throw StoreError.invalid("Показатель с кодом «\(taken)» уже есть.")
            }
            try db.execute(
                sql:
                    "INSERT INTO target_indicator (code, name, population, unit, lower_is_better) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    indicator.code, indicator.name, indicator.population, indicator.unit, indicator.lowerIsBetter,
                ])
        }
    }

    /// Sets a baseline (the municipality's: `schoolCode` is ignored), a target or a hand-entered
    /// value, replacing the one of that year (a baseline: the one there is).
    public func setIndicatorValue(_ kind: IndicatorValueKind, _ value: IndicatorValue) throws {
        try checkedWrite { db in
            if kind == .baseline {
                try db.execute(
                    sql: """
                        INSERT INTO target_indicator_baseline (code, year, value) VALUES (?, ?, ?)
                        ON CONFLICT(code) DO UPDATE SET year = excluded.year, value = excluded.value
                        """, arguments: [value.code, value.year, value.value])
                return
            }
            var schoolID: Int64?
            if let code = value.schoolCode {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [code])
                else { throw StoreError.notFound(what: "школа", key: code) }
                schoolID = id
            }
            try db.execute(
                sql: "UPDATE \(kind.table) SET value = ? WHERE code = ? AND school_id IS ? AND year = ?",
                arguments: [value.value, value.code, schoolID, value.year])
            if db.changesCount == 0 {
                try db.execute(
                    sql: "INSERT INTO \(kind.table) (code, school_id, year, value) VALUES (?, ?, ?, ?)",
                    arguments: [value.code, schoolID, value.year, value.value])
            }
        }
    }

    /// The results of the years (every year when nil), with their counts.
    public func indicatorResults(years: ClosedRange<Int>? = nil) throws -> [AssessmentResult] {
        try reader.read { db in
            let range = years ?? 1990...2200
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT s.code, r.year, r.assessment, r.subject, r.grade, r.participants, r.mean_score, r.region_mean,
                           r.share_fail, r.share_top, r.count_2, r.count_3, r.count_4, r.count_5, r.above_70
                    FROM assessment_result r JOIN school s ON s.id = r.school_id WHERE r.year BETWEEN ? AND ?
                    ORDER BY s.code, r.year, r.assessment, r.subject, r.grade
                    """, arguments: [range.lowerBound, range.upperBound]
            ).map { r in
                AssessmentResult(
                    schoolCode: r["code"], year: r["year"], assessment: r["assessment"], subject: r["subject"],
                    grade: r["grade"], participants: r["participants"], meanScore: r["mean_score"],
                    regionMean: r["region_mean"], shareFail: r["share_fail"], shareTop: r["share_top"],
                    count2: r["count_2"], count3: r["count_3"], count4: r["count_4"], count5: r["count_5"],
                    above70: r["above_70"])
            }
        }
    }

    /// Every school's social context of every year, with its counts.
    public func indicatorSocial() throws -> [SocialContext] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.code, c.* FROM social_context c JOIN school s ON s.id = c.school_id ORDER BY s.code, c.year
                    """
            ).map { r in
                SocialContext(
                    schoolCode: r["code"], year: r["year"], hardshipShare: r["hardship_share"],
                    nonNativeShare: r["non_native_share"], registeredShare: r["registered_share"],
                    higherEdParentShare: r["higher_ed_parent_share"], singleParentShare: r["single_parent_share"],
                    pupils: r["pupils"], ovzPupils: r["ovz_pupils"], ovzAdapted: r["ovz_adapted"],
                    repeaters: r["repeaters"], leavers9: r["leavers_9"], certificates9: r["certificates_9"],
                    leavers11: r["leavers_11"], certificates11: r["certificates_11"])
            }
        }
    }

    /// The years some result, social context or hand-entered value is recorded for, and (with
    /// `plans`) some target or baseline.
    public func indicatorYears(plans: Bool = true) throws -> [Int] {
        try reader.read { db in
            try Int.fetchAll(
                db,
                sql: """
                    SELECT year FROM assessment_result UNION SELECT year FROM social_context
                    UNION SELECT year FROM target_indicator_actual
                    """
                        + (plans
                            ? " UNION SELECT year FROM target_indicator_target UNION SELECT year FROM target_indicator_baseline"
                            : "") + " ORDER BY year")
        }
    }
}
