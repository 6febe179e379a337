import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// The risk profile's table (v22): a level per school, year and factor, written by hand, by a
/// saved proposal and by an import, each stamped and audited.
@Suite struct RiskProfileStoreTests {
    func database() throws -> NastavnikDatabase {
        let db = try auditedDatabase("risks")
        try db.writer.write { db in
            try db.execute(
                sql: "INSERT INTO school (code, name, students) VALUES ('S1', 'Школа 1', 300), ('S2', 'Школа 2', 50)")
        }
        return db
    }

    @Test func aLevelSetByHandRoundTripsWithItsSourceNoteAndAuthor() throws {
        let db = try database()
        #expect(
            try db.setRiskLevel(
                schoolCode: "S1", year: 2025, factor: .staffShortage, level: .high, note: "две вакансии")
                == nil)
        #expect(
            try db.setRiskLevel(schoolCode: "S1", year: 2025, factor: .staffShortage, level: .medium, note: nil)
                == .high)
        let lines = try db.riskProfiles()
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.schoolCode == "S1" && line.schoolName == "Школа 1" && line.year == 2025)
        #expect(line.factor == .staffShortage && line.level == .medium && line.source == .manual)
        #expect(line.note == nil && line.reasons.isEmpty && line.recordedBy == "Иванова" && !line.recordedAt.isEmpty)
        // Audited with its readable key.
        let keys = try db.reader.read { db in
            try String.fetchAll(db, sql: "SELECT row_key FROM audit_log WHERE table_name = 'risk_profile' ORDER BY id")
        }
        #expect(keys == ["S1 2025 фактор 2", "S1 2025 фактор 2"])
        #expect(throws: StoreError.notFound(what: "школа с кодом", key: "S9")) {
            try db.setRiskLevel(schoolCode: "S9", year: 2025, factor: .staffShortage, level: .high, note: nil)
        }
    }

    @Test func savedProposalsKeepHandSetLevelsUnlessReplaced() throws {
        let db = try database()
        try db.setRiskLevel(schoolCode: "S1", year: 2025, factor: .academicFailureRisk, level: .low, note: nil)
        let proposals = [
            RiskProposal(schoolCode: "S1", factor: .academicFailureRisk, level: .high, reasons: ["Доля «2» — 25 %"]),
            RiskProposal(schoolCode: "S2", factor: .languageBarriers, level: .medium, reasons: ["12 %", "второе"]),
        ]
        let first = try db.saveRiskProposals(proposals, year: 2025, replace: false)
        #expect(first.written == 1 && first.kept == [proposals[0]])
        let again = try db.saveRiskProposals(proposals, year: 2025, replace: false)
        #expect(again.written == 0)
        var lines = try db.riskProfiles(year: 2025)
        #expect(lines.map(\.level) == [.low, .medium])
        #expect(lines[1].source == .confirmed && lines[1].reasons == ["12 %", "второе"])
        let replaced = try db.saveRiskProposals(proposals, year: 2025, replace: true)
        #expect(replaced.written == 1 && replaced.kept.isEmpty)
        lines = try db.riskProfiles(schoolCode: "S1")
        #expect(lines.map(\.level) == [.high] && lines[0].source == .confirmed)
        #expect(try db.riskProfiles(year: 2024).isEmpty)
    }

    /// A level outside the three, or a factor outside 1–10, is refused by the table itself.
    @Test func theTableRefusesUnknownFactorsAndLevels() throws {
        let db = try database()
        for values in ["1, 2025, 11, 'high'", "1, 2025, 3, 'severe'"] {
            #expect(throws: DatabaseError.self) {
                try db.writer.write { db in
                    try db.execute(
                        sql:
                            "INSERT INTO risk_profile (school_id, year, factor, level, source, recorded_at) VALUES (\(values), 'manual', 'x')"
                    )
                }
            }
        }
    }

    /// The figures the proposer reads: pupils per pedagogical worker, weighted «2», social context.
    @Test func riskInputsGatherTheYearsFigures() throws {
        let db = try database()
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO staff (person_key, full_name, school_id, position, position_kind) VALUES
                        ('a', 'А', 1, 'учитель', 'pedagogical'), ('b', 'Б', 1, 'учитель', 'pedagogical'),
                        ('c', 'В', 1, 'директор', 'leading');
                    INSERT INTO assessment_result (school_id, year, assessment, subject, participants, mean_score, share_fail) VALUES
                        (1, 2025, 'ВПР', 'математика', 30, 3.5, 20), (1, 2025, 'ВПР', 'русский язык', 10, 3.8, 0),
                        (1, 2024, 'ВПР', 'математика', 30, 3.5, 90), (1, 2025, 'ОГЭ', 'химия', NULL, 3.5, 50);
                    INSERT INTO social_context (school_id, year, non_native_share) VALUES (1, 2025, 12.5);
                    """)
        }
        let inputs = try db.riskInputs(year: 2025, asOf: LocalDate(year: 2025, month: 12, day: 31)!)
        #expect(inputs.map(\.schoolCode) == ["S1", "S2"])
        let s1 = inputs[0]
        #expect(s1.pupils == 300 && s1.pedagogicalStaff == 2 && s1.trainingBase == 3 && s1.trainingOverdue == 3)
        #expect(s1.resultParticipants == 40 && s1.failShare == 15)
        #expect(s1.social?.nonNativeShare == 12.5 && s1.ovzShare == nil)
        #expect(inputs[1].failShare == nil && inputs[1].social == nil)
        #expect(
            try db.riskInputs(year: 2025, asOf: LocalDate(year: 2025, month: 12, day: 31)!, schoolCode: "S2").count == 1
        )
    }

    /// Factor 9 reads the social context's counts (v21), and a result's count of «2» is preferred
    /// to its share where a file gives both.
    @Test func riskInputsReadTheOVZShareAndTheCountOfTwos() throws {
        let db = try database()
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO assessment_result (school_id, year, assessment, subject, participants, mean_score, share_fail, count_2) VALUES
                        (2, 2025, 'ВПР', 'математика', 20, 3.1, 25, 6), (2, 2025, 'ВПР', 'русский язык', 20, 3.4, NULL, 2);
                    INSERT INTO social_context (school_id, year, pupils, ovz_pupils) VALUES (2, 2025, 200, 40), (1, 2025, 0, 0);
                    INSERT INTO social_context (school_id, year, pupils, ovz_pupils) VALUES (2, 2024, 200, 2);
                    """)
        }
        let inputs = try db.riskInputs(year: 2025, asOf: LocalDate(year: 2025, month: 12, day: 31)!)
        #expect(inputs[1].ovzShare == 20 && inputs[1].failShare == 20)
        // No pupils recorded: no share, not a division by zero.
        #expect(inputs[0].ovzShare == nil)
        let outcome = RiskProposer(settings: try db.settings()).propose(inputs[1])
        #expect(outcome.proposals.contains { $0.factor == .specialNeedsShare && $0.level == .high })
    }

    /// Factor 2's vacancies (v24): the year's count of the social context, in ставки; none
    /// recorded is no figure, and the column refuses a negative count.
    @Test func riskInputsReadTheYearsVacancies() throws {
        let db = try database()
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO staff (person_key, full_name, school_id, position, position_kind) VALUES
                        ('a', 'А', 1, 'учитель', 'pedagogical'), ('b', 'Б', 1, 'учитель', 'pedagogical');
                    INSERT INTO social_context (school_id, year, vacancies) VALUES (1, 2025, 1.5), (1, 2024, 7);
                    INSERT INTO social_context (school_id, year, hardship_share) VALUES (2, 2025, 10);
                    """)
        }
        let inputs = try db.riskInputs(year: 2025, asOf: LocalDate(year: 2025, month: 12, day: 31)!)
        #expect(inputs[0].vacancies == 1.5 && inputs[0].social?.vacancies == 1.5)
        #expect(inputs[1].vacancies == nil && inputs[1].social != nil)
        // 1,5 of 3,5 positions vacant: factor 2 high although 300 pupils on 2 workers decide it anyway.
        let outcome = RiskProposer(settings: try db.settings()).propose(inputs[0])
        let staff = try #require(outcome.proposals.first { $0.factor == .staffShortage })
        #expect(staff.reasons.contains { $0.contains("42,9 % (1,5 вакансии на 2 педагогических работников)") })
        #expect(throws: DatabaseError.self) {
            try db.writer.write { db in
                try db.execute(sql: "INSERT INTO social_context (school_id, year, vacancies) VALUES (2, 2026, -1)")
            }
        }
    }
}
