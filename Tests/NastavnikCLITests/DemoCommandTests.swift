import Foundation
import Testing

@testable import NastavnikCLI
@testable import NastavnikStore

@Suite struct DemoCommandTests {
    @Test func demoLoadsAllSeedsAndPrintsAnOverview() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("demo.sqlite")
        let result = await run(["demo", "--db", db, "--seeds", seedsPath, "--as-of", "22.11.2026"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "")
        #expect(result.out.contains("Демонстрационная база создана"))
        #expect(result.out.contains("НОР — школа с низкими образовательными результатами: 6"))
        #expect(result.out.contains("Без повышения квалификации за последние 3 года (на 22.11.2026"))
        let database = try NastavnikDatabase(path: db)
        let counts = try await database.writer.read { db in
            try [
                "school", "staff", "course", "training", "diagnostic_result", "assessment_result", "social_context",
                "curator_pairing", "mentorship", "roadmap",
            ].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
        #expect(counts[0] >= 30)
        #expect(counts[1] >= 600)
        #expect(counts.allSatisfy { $0 > 0 })
        // The five seed roadmaps and the two anti-risk programmes (issue 21), which are school roadmaps.
        #expect(counts[9] == 7)
        // Three years of assessment results.
        let years = try await database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT year) FROM assessment_result")
        }
        #expect(years == 3)
        // Every term of the five seed roadmaps is read into dates or deliberately undated.
        let (unreadable, dated, undated) = try await database.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM activity WHERE term_flag = 'unreadable'") ?? -1,
                try Int.fetchOne(
                    db, sql: "SELECT count(DISTINCT activity_id) FROM activity_occurrence WHERE start_date IS NOT NULL")
                    ?? 0,
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM activity WHERE term_flag IN ('continuous', 'bySchedule')") ?? 0
            )
        }
        #expect(unreadable == 0)
        #expect(dated + undated >= 168)

        // Running it again replaces the demo database instead of failing.
        #expect(await run(["demo", "--db", db, "--seeds", seedsPath]).status == 0)
    }

    @Test func demoRefusesToReplaceRealData() async throws {
        let sandbox = try await CLISandbox(importing: [CSVFixture.schools("R1;Настоящая школа")])
        let db = sandbox.db
        let result = await run(["demo", "--db", db, "--seeds", seedsPath])
        #expect(result.status == 1)
        #expect(result.err.contains("уже содержит рабочие данные"))
        let database = try NastavnikDatabase(path: db)
        #expect(
            try await database.writer.read { db in try String.fetchOne(db, sql: "SELECT code FROM school") } == "R1")
    }
}
