import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// v21: the counts of results and social context, and the target indicators' records.
@Suite struct TargetIndicatorStoreTests {
    /// A v20 file keeps its results and social context; the new counts are empty, and a count
    /// above its whole is refused by the database itself.
    @Test func aV20DatabaseGainsTheCountsAndKeepsItsRows() throws {
        let db = try upgradedDatabase(
            from: "v20-plan-edits-mentoring-consent",
            sql: """
                INSERT INTO assessment_result (school_id, year, assessment, subject, participants, mean_score, share_fail)
                    VALUES (1, 2024, 'ВПР', 'математика', 20, 3.5, 10);
                INSERT INTO social_context (school_id, year, hardship_share) VALUES (1, 2024, 12);
                """)
        #expect(try db.appliedMigrations().contains("v21-indicators"))
        let result = try #require(try db.indicatorResults().first)
        #expect(result.shareFail == 10 && result.count2 == nil && result.above70 == nil)
        let social = try #require(try db.indicatorSocial().first)
        #expect(social.hardshipShare == 12 && social.pupils == nil)
        #expect(throws: DatabaseError.self) {
            try db.writer.write { db in try db.execute(sql: "UPDATE assessment_result SET count_2 = 21") }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { db in
                try db.execute(sql: "UPDATE social_context SET leavers_9 = 10, certificates_9 = 11")
            }
        }
        #expect(try db.doctor().filter { !$0.ok }.map(\.name) == [])
    }

    /// Definitions, baselines, targets and actual values read back as written, each write audited.
    @Test func recordsRoundTripAndAreAudited() throws {
        let plain = try upgradedDatabase(from: "v21-indicators", sql: "")
        let db = plain.acting(as: AuditActor(name: "Петрова", command: "nastavnik indicators"))
        try db.defineIndicator(
            TargetIndicator(code: "М1", name: "Своё", population: "школы", unit: "", lowerIsBetter: true))
        #expect(throws: StoreError.self) {
            try db.defineIndicator(TargetIndicator(code: "м1", name: "Другое", population: "школы"))
        }
        try db.setIndicatorValue(.baseline, IndicatorValue(code: "1.2", year: 2023, value: 20))
        try db.setIndicatorValue(.baseline, IndicatorValue(code: "1.2", year: 2024, value: 18))
        try db.setIndicatorValue(.target, IndicatorValue(code: "1.2", year: 2025, value: 15))
        try db.setIndicatorValue(.target, IndicatorValue(code: "1.2", year: 2025, value: 14))
        try db.setIndicatorValue(.target, IndicatorValue(code: "1.2", schoolCode: "S1", year: 2025, value: 10))
        try db.setIndicatorValue(.actual, IndicatorValue(code: "М1", year: 2025, value: 3))
        #expect(throws: StoreError.self) {
            try db.setIndicatorValue(.target, IndicatorValue(code: "1.2", schoolCode: "S9", year: 2025, value: 1))
        }
        let records = try db.indicatorRecords()
        #expect(
            records.own == [
                TargetIndicator(code: "М1", name: "Своё", population: "школы", unit: "", lowerIsBetter: true)
            ])
        #expect(records.baselines == [IndicatorValue(code: "1.2", year: 2024, value: 18)])
        #expect(
            Set(records.targets) == [
                IndicatorValue(code: "1.2", year: 2025, value: 14),
                IndicatorValue(code: "1.2", schoolCode: "S1", year: 2025, value: 10),
            ])
        #expect(records.actuals == [IndicatorValue(code: "М1", year: 2025, value: 3)])
        #expect(try db.indicatorYears() == [2024, 2025])
        #expect(try db.indicatorYears(plans: false) == [2025])
        let audited = try db.auditEntries().filter { $0.table.hasPrefix("target_indicator") }
        #expect(audited.count == 7)
        #expect(audited.allSatisfy { $0.actor == "Петрова" })
        #expect(
            audited.contains { $0.table == "target_indicator_target" && $0.key == "1.2 2025" && $0.action == .update })
    }
}
