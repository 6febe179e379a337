import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@Suite struct NastavnikAppPlansTests {
    let asOf = LocalDate(year: 2026, month: 9, day: 1)!

    @Test func generatingTwiceChangesNothingTheSecondTime() async throws {
        let fixture = try AppFixture()
        let first = try await fixture.app.generatePlans(year: "2026/27", asOf: asOf)
        #expect(first.label == "2026/27")
        // The seven teachers with the deficit get a plan; the strong colleagues have none.
        #expect(first.teachers == 7)
        #expect(first.created == 7)
        let plans = try await fixture.app.plans(year: "2026/27")
        #expect(plans.count == 7)
        #expect(
            plans.allSatisfy {
                $0.items.contains { $0.topic.map { CellValue.fold($0) } == CellValue.fold("формирующее оценивание") }
            })
        let again = try await fixture.app.generatePlans(year: "2026/27", asOf: asOf)
        #expect(again.unchanged == 7)
        #expect(again.created == 0 && again.revised == 0)
    }

    @Test func anUnknownSchoolWritesNothing() async throws {
        let fixture = try AppFixture()
        await #expect(throws: StoreError.notFound(what: "школа", key: "ZZ")) {
            try await fixture.app.generatePlans(year: "2026/27", schoolCode: "ZZ", asOf: asOf)
        }
        #expect(try await fixture.app.plans().isEmpty)
        await #expect(throws: AppError.self) { try await fixture.app.generatePlans(year: "2026", asOf: asOf) }
    }

    @Test func markingDoneNeedsEvidence() async throws {
        let fixture = try AppFixture()
        _ = try await fixture.app.generatePlans(year: "2026/27", asOf: asOf)
        let plan = try await fixture.app.plan("W1")
        let item = try #require(plan.items.first)
        await #expect(throws: AppError.self) {
            try await fixture.app.markPlanItem(item.id, status: "выполнено", evidence: nil, date: asOf)
        }
        #expect(
            try await fixture.app.markPlanItem(item.id, status: "done", evidence: "Справка № 1", date: asOf) == .done)
        #expect(try await fixture.app.plan(String(plan.id)).items.first?.status == .done)
        await #expect(throws: StoreError.notFound(what: "пункт плана №", key: "999999")) {
            try await fixture.app.markPlanItem(999_999, status: "отменено", evidence: nil, date: asOf)
        }
    }
}
