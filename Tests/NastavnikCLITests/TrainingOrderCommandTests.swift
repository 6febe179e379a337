import Foundation
import GRDB
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// `training order`, `enrol` and `complete` on the chain's database (StaffChainTests).
extension StaffChainTests {
    /// On 02.04.2027 K1 and K2 have begun: nobody is sent to them; the needs are listed by topic.
    @Test func trainingOrderOffersNoSessionThatHasBegun() async throws {
        _ = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        let object = try jsonObject(
            await run(["training", "order", "--year", "2027", "--as-of", "02.04.2027", "--db", db, "--format", "json"])
                .out)
        let order = try #require(object["assignments"] as? [[String: Any]])
        #expect(order.isEmpty, "\(order)")
        let needs = try #require(object["needs"] as? [[String: Any]])
        #expect(
            needs.contains {
                $0["topic"] as? String == "формирующее оценивание" && ($0["staff"] as? [String])?.contains("T1") == true
            })
        #expect(
            needs.contains {
                $0["topic"] as? String == "по предмету «математика»" && ($0["staff"] as? [String]) == ["T3"]
            })
        // On 01.04.2027 K2 starts that day: T1 goes there (K1 has begun).
        let april = try jsonObject(
            await run(["training", "order", "--year", "2027", "--as-of", "01.04.2027", "--db", db, "--format", "json"])
                .out)
        let t1 = try #require((april["assignments"] as? [[String: Any]])?.first { $0["staff_id"] as? String == "T1" })
        #expect(t1["course_code"] as? String == "K2")
    }

    /// The order is grouped with `--group-by` (Russian names too); `--by`, which elsewhere names
    /// who makes a change, is not an option of this command.
    @Test func trainingOrderGroupsWithGroupBy() async throws {
        _ = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        func groups(_ extra: [String]) async throws -> Set<String> {
            let result = await run(["training", "order", "--year", "2027", "--db", db, "--format", "json"] + extra)
            #expect(result.status == 0, "\(result.err)")
            let order = try #require(try jsonObject(result.out)["assignments"] as? [[String: Any]])
            return Set(order.compactMap { $0["group"] as? String })
        }
        #expect(try await groups(["--group-by", "course"]) == (try groups(["--group-by", "программа"])))
        let courses = try await groups(["--group-by", "курс"])
        #expect(courses.count == 2 && courses.allSatisfy { $0.hasPrefix("K1") || $0.hasPrefix("K2") }, "\(courses)")
        let schools = try await groups(["--group-by", "школа"])
        #expect(await schools == (try groups(["--group-by", "school"])))
        #expect(schools != courses && !schools.isEmpty)
        let old = await run(["training", "order", "--year", "2027", "--by", "school", "--db", db])
        #expect(old.status != 0)
        #expect(old.err.contains("--by"), "\(old.err)")
    }

    /// `--format csv` prints the order's tables as CSV (the transitional options it was built on
    /// stopped on it with a parser fault).
    @Test func trainingOrderPrintsCSV() async throws {
        _ = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        let result = await run(["training", "order", "--year", "2027", "--format", "csv", "--db", db])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("Табельный номер;"), "\(result.out)")
        #expect(result.out.contains(";T1;"), "\(result.out)")
    }

    @Test func trainingOrderEnrolAndComplete() async throws {
        _ = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        let result = await run(["training", "order", "--year", "2027", "--db", db, "--format", "json"])
        let object = try jsonObject(result.out)
        #expect(Set(object.keys) == ["assignments", "totals", "unplaced", "needs"])
        let order = try #require(object["assignments"] as? [[String: Any]])
        // T1 (out of the rule, and a course in the plan) and T3 (no counting training) go; T2 is fine until 2028.
        let people = order.compactMap { $0["staff_id"] as? String }
        #expect(Set(people) == ["T1", "T3"])
        let t1 = try #require(order.first { $0["staff_id"] as? String == "T1" })
        #expect(t1["course_code"] as? String == "K1")
        let t3 = try #require(order.first { $0["staff_id"] as? String == "T3" })
        // K1 has one seat, taken by T1: T3 goes to K2.
        #expect(t3["course_code"] as? String == "K2")
        let document = await run([
            "training", "order", "--year", "2027", "--format", "md", "--order-number", "15", "--db", db,
        ])
        #expect(
            document.out.contains(
                "**Об утверждении графика курсовой подготовки педагогических и руководящих работников на 2027 год**"))
        #expect(document.out.contains("№ 15"))
        // The count agrees with its noun («2 человека», not «2 человек»).
        let placed = order.filter { $0["course_code"] is String }.count
        #expect(
            document.out.contains(
                "(приложение): \(RussianPlural.count(placed, "человек", "человека", "человек")) по программам"))
        #expect((2...4).contains(placed), "the fixture places two or three people, whose noun is «человека»")
        #expect(document.out.contains("### Приложение к приказу. График курсовой подготовки на 2027 год"))

        #expect(await run(["training", "enrol", "T1", "K1", "--db", db]).status == 0)
        let full = await run(["training", "enrol", "T3", "K1", "--db", db])
        #expect(full.status == 1)
        #expect(full.err.contains("мест нет: занято 1 из 1"))
        // A completion in the future, or before the start, is refused.
        let future = await run([
            "training", "complete", "T1", "K1", "--certificate", "7701", "--date", "15.03.2027", "--as-of",
            "01.03.2027", "--db", db,
        ])
        #expect(future.status == 1 && future.err.contains("15.03.2027 ещё не наступила"), "\(future.err)")
        let early = await run([
            "training", "complete", "T1", "K1", "--certificate", "7701", "--date", "20.02.2027", "--as-of",
            "01.04.2027", "--db", db,
        ])
        #expect(early.status == 1 && early.err.contains("раньше начала (01.03.2027)"), "\(early.err)")
        // A session that has ended is refused.
        let ended = await run(["training", "enrol", "T2", "K2", "--as-of", "01.05.2027", "--db", db])
        #expect(ended.status == 1 && ended.err.contains("закончилась 30.04.2027"), "\(ended.err)")
        let done = await run([
            "training", "complete", "T1", "K1", "--certificate", "7701", "--date", "15.03.2027", "--as-of",
            "01.04.2027", "--db", db,
        ])
        #expect(done.status == 0, "\(done.err)")
        #expect(done.out.contains("Закрыто пунктов ИППР: 1"))
        let status = try await json(["training", "status", "--as-of", "01.04.2027"])
        #expect(status[0]["last_training_end"] as? String == "2027-03-15")
        #expect(status[0]["compliant"] as? Bool == true)
    }
}

/// Defects found in the conformance review (R1) of issue #16, on real SQLite files.
@Suite struct TrainingOrderConsentTests {
    /// The training order reads deficits as the plans do: only from a result given with consent.
    /// The old order sent T1 to the course on «оценивание», a deficit of a result without consent.
    @Test func theOrderIgnoresDeficitsOfAResultWithoutConsent() async throws {
        let sandbox = try await CLISandbox(importing: [
            CSVFixture.oneSchool,
            CSVFixture.staff([
                "T1;Учитель Анна;S1;учитель;математика;01.01.1980;01.09.2002"
            ]),
            (
                "diagnostics",
                """
                Табельный номер;Дата диагностики;Предметные компетенции;Методические компетенции;Дефициты;Согласие
                T1;15.03.2026;12;25;оценивание;нет

                """
            ),
            (
                "courses",
                """
                Код программы;Наименование программы;Организатор;Объём (часов);Темы;Предметы
                KOC;Оценивание;ГАУ ДПО ИРО;72;оценивание;
                KX;Другое;ГАУ ДПО ИРО;36;другое;

                """
            ),
        ])
        let db = sandbox.db
        let order = await run([
            "training", "order", "--year", "2027", "--as-of", "01.12.2026", "--format", "json", "--db", db,
        ])
        #expect(order.status == 0, "\(order.err)")
        let object = try jsonObject(order.out)
        let assignments = try #require(object["assignments"] as? [[String: Any]])
        #expect(assignments.count == 1)
        #expect(assignments.first?["course_code"] as? String == "KX")
    }
}
