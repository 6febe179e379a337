import Foundation
import GRDB
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// `plans generate` and `plans list` on the chain's database (StaffChainTests).
extension StaffChainTests {
    @Test func plansAreGeneratedCorrectedAndCarriedOver() async throws {
        let first = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        #expect(first.status == 0, "\(first.err)")
        // T1 has a deficit and a subject score at the threshold; T2 has none, but S1 is a НОР
        // school, where every pedagogical and leading worker has a plan; T3 (an effective school) has none.
        #expect(first.out.contains("новых планов — \(try await json(["plans", "list"]).count)"))
        let again = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        #expect(again.out.contains("новых планов — 0, скорректировано (новая версия) — 0"))
        let plans = try await json(["plans", "list"])
        let planned = Set(plans.compactMap { $0["staff_id"] as? String })
        #expect(planned.isSuperset(of: ["T1", "T2"]) && !planned.contains("T3"))
        #expect(plans.allSatisfy { $0["school_year"] as? String == "2026/27" })
        let items = try await json(["plans", "show", "T1"])
        let course = try #require(items.first { $0["kind"] as? String == "курсы повышения квалификации" })
        #expect((course["description"] as? String)?.contains("K1 «Формирующее оценивание», ГАУ ДПО ИРО, 36 ч") == true)
        #expect(
            items.contains { ($0["description"] as? String)?.contains("Наставничество: Петров Иван Сергеевич") == true }
        )
        #expect(
            items.contains {
                ($0["description"] as? String)?.contains("открытых уроков: Сидорова Мария Ивановна") == true
            })
        let selfStudy = try #require(items.first { $0["kind"] as? String == "самообразование" })
        let selfStudyID = try #require(selfStudy["item"] as? Int)
        #expect(await run(["plans", "mark", String(selfStudyID), "--status", "done", "--db", db]).status == 1)
        #expect(
            await run([
                "plans", "mark", String(selfStudyID), "--status", "done", "--evidence", "Разработка урока", "--date",
                "01.04.2027", "--db", db,
            ]).status == 0)
        // Next year's plans made early (in June) leave this year's items open.
        let early = await run(["plans", "generate", "--year", "2027/28", "--as-of", "01.06.2027", "--db", db])
        #expect(early.out.contains("перенесено незавершённых пунктов из прошлого года — 0"), "\(early.out)")
        let t1Plans = { try await json(["plans", "list", "--history"]).filter { $0["staff_id"] as? String == "T1" } }
        let stillOpen = try await json([
            "plans", "show", String(try t1Plans().first { $0["school_year"] as? String == "2026/27" }!["id"] as! Int),
        ])
        #expect(stillOpen.filter { $0["status"] as? String == "запланировано" }.count == items.count - 1)
        // Once the year has begun: open items are carried over, the done one closed; twice changes nothing.
        let next = await run(["plans", "generate", "--year", "2027/28", "--as-of", "01.09.2027", "--db", db])
        #expect(next.status == 0, "\(next.err)")
        let twice = await run(["plans", "generate", "--year", "2027/28", "--as-of", "01.09.2027", "--db", db])
        #expect(twice.out.contains("новых планов — 0, скорректировано (новая версия) — 0"), "\(twice.out)")
        #expect(twice.out.contains("перенесено незавершённых пунктов из прошлого года — 0"))
        let history = try await t1Plans()
        let old = try await json([
            "plans", "show", String(history.first { $0["school_year"] as? String == "2026/27" }!["id"] as! Int),
        ])
        #expect(old.filter { $0["status"] as? String == "перенесено в план следующего года" }.count == items.count - 1)
        // The new plan names each form and topic once, and no course that has ended.
        let current = try await json(["plans", "show", "T1"])
        let keys = current.map { "\($0["kind"] as? String ?? "")|\($0["topic"] as? String ?? "")" }
        #expect(Set(keys).count == keys.count, "\(keys)")
        #expect(!current.contains { ($0["description"] as? String)?.contains("K1 «Формирующее оценивание»") == true })
        // Every carried form and topic is in it (here the deficits are still there, so each is already planned).
        let carried = Set(
            old.filter { $0["status"] as? String == "перенесено в план следующего года" }
                .map { "\($0["kind"] as? String ?? "")|\($0["topic"] as? String ?? "")" })
        #expect(carried.isSubset(of: Set(keys)), "\(carried.subtracting(Set(keys)))")
        let export = await run(["plans", "export", "--year", "2026/27", "--format", "html", "--db", db])
        #expect(export.out.contains("Иванова Анна Петровна"))
    }

    /// The schools where everybody has a plan are a setting.
    @Test func plansForAllStaffFollowTheSetting() async throws {
        #expect(await run(["settings", "set", "plans.all_staff_statuses", "ЗПР", "--db", db]).status == 0)
        _ = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        #expect(await Set(try json(["plans", "list"]).compactMap { $0["staff_id"] as? String }) == ["T1"])
        #expect(await run(["settings", "set", "plans.all_staff_statuses", "НОР; ЗПР", "--db", db]).status == 0)
        _ = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        #expect(
            await Set(try json(["plans", "list"]).compactMap { $0["staff_id"] as? String }).isSuperset(of: ["T1", "T2"])
        )
    }
}
