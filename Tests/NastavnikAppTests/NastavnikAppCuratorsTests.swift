import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@Suite struct NastavnikAppCuratorsTests {
    /// A НОР school and two effective ones; statuses come with the schools file.
    static let schools = """
        Код ОО;Наименование ОО;Статус;Широта;Долгота
        L1;Школа Л1;НОР;54,70;40,10
        E1;Школа Э1;эффективная;54,71;40,12
        E2;Школа Э2;эффективная;55,30;41,00

        """

    @Test func suggestsACuratorAndRefusesBadPairs() async throws {
        let fixture = try AppFixture(schools: Self.schools, staff: nil, diagnostics: nil)
        let suggestions = try await fixture.app.suggestCurators(years: nil, capacity: 2)
        #expect(suggestions.map(\.school.code) == ["L1"])
        #expect(suggestions.first?.curator?.code == "E1")
        let forbidden = try await fixture.app.suggestCurators(years: nil, capacity: 2, forbid: ["L1:E1"])
        #expect(forbidden.first?.curator?.code == "E2")
        await #expect(throws: CuratorConstraints.Refusal("Нет школы с кодом «ZZ» (--lock L1:ZZ).")) {
            try await fixture.app.suggestCurators(years: nil, capacity: 2, lock: ["L1:ZZ"])
        }
        await #expect(throws: AppError("Вместимость (--capacity) не может быть отрицательной: -1.")) {
            try await fixture.app.suggestCurators(years: nil, capacity: -1)
        }
        // A capacity of 0 of the nearer curator sends the school to the other.
        #expect(try await fixture.app.setCuratorCapacity(school: " E1 ", capacity: 0) == "E1")
        #expect(try await fixture.app.suggestCurators(years: nil, capacity: 2).first?.curator?.code == "E2")
    }

    @Test func anOrdersPairsAreRecordedAllOrNoneOnTheVersionTheyWereSuggestedOn() async throws {
        let fixture = try AppFixture(schools: Self.schools, staff: nil, diagnostics: nil)
        let app = fixture.app
        let opened = try await app.curatorsVersion()
        let date = LocalDate(year: 2026, month: 12, day: 1)!
        // E1 needs no curator: L1's pair is not written either.
        await #expect(throws: StoreError.self) {
            try await app.assignCurators(
                [("L1", "E1"), ("E1", "E2")], orderNumber: "45", orderDate: date, expectedVersion: opened)
        }
        #expect(try await app.curatorPairings().isEmpty)
        #expect(try await app.curatorsVersion() == opened)
        #expect(
            try await app.assignCurators([("L1", "E1")], orderNumber: "45", orderDate: date, expectedVersion: opened)
                == 1)
        let pair = try #require(try await app.curatorPairings().first)
        #expect(pair.orderRef == "Приказ от 01.12.2026 № 45" && pair.since == date)
        // The suggestion opened before that is stale, for the pairs and for a capacity.
        #expect(try await app.curatorsVersion() > opened)
        await #expect(throws: StaleRecordError.self) {
            try await app.assignCurators([("L1", "E2")], orderNumber: "46", orderDate: date, expectedVersion: opened)
        }
        await #expect(throws: StaleRecordError.self) {
            try await app.setCuratorCapacity(school: "E2", capacity: 1, expectedVersion: opened)
        }
        let current = try await app.curatorsVersion()
        #expect(try await app.setCuratorCapacity(school: "E2", capacity: 1, expectedVersion: current) == "E2")
        // A school given its own capacity joins the version.
        #expect(try await app.curatorsVersion() > current)
        #expect(try await app.curatorPairings().map(\.curatorSchoolCode) == ["E1"])
    }

    @Test func aFormsLocksAndForbiddenPairsAreRefusedEachByItsField() async throws {
        let fixture = try AppFixture(schools: Self.schools, staff: nil, diagnostics: nil)
        let problems = try await fixture.app.curatorConstraintProblems(lock: ["L1"], forbid: ["E1:E1"])
        #expect(problems.map(\.field) == ["lock", "forbid"])
        #expect(problems.first?.message == "Пара «L1» в поле «Закрепить пары» записывается как ШКОЛА:КУРАТОР.")
        #expect(problems.last?.message == "Школа не может курировать сама себя (поле «Запретить пары» E1:E1).")
        #expect(try await fixture.app.curatorConstraintProblems(lock: ["L1:E2"], forbid: ["L1:E1"]).isEmpty)
        await #expect(
            throws: CuratorConstraints.Refusal(
                "Пару E1:E2 (поле «Закрепить пары») закрепить нельзя: школа E1 не нуждается в кураторе: у неё нет статуса НОР, ЗПР, ЗУР или ШНСУ."
            )
        ) {
            try await fixture.app.suggestCurators(
                years: nil, capacity: 2, lock: ["E1:E2"], labels: NastavnikApp.curatorFormLabels)
        }
    }

    @Test func theOrderNeedsPairs() async throws {
        let fixture = try AppFixture(schools: Self.schools, staff: nil, diagnostics: nil)
        await #expect(throws: AppError("Пар «школа — куратор» нет: сначала curators assign.")) {
            try await fixture.app.curatorOrder(date: nil, number: nil)
        }
        await #expect(throws: StoreError.self) {
            try await fixture.app.assignCurator(
                school: "E1", curator: "E2", curatorName: nil, coordinator: nil, orderRef: nil,
                since: LocalDate(year: 2026, month: 9, day: 1)!)
        }
        try await fixture.app.assignCurator(
            school: "L1", curator: "E2", curatorName: "Иванова И. И.", coordinator: "Петров П. П.",
            orderRef: nil, since: LocalDate(year: 2026, month: 9, day: 1)!)
        #expect(try await fixture.app.curatorPairings().map(\.curatorSchoolCode) == ["E2"])
        let order = try await fixture.app.curatorOrder(date: nil, number: "12")
        #expect(order.subject == "О закреплении школ-кураторов")
        #expect(order.points.first?.items == ["Школа Э2 для Школа Л1;"])
    }
}
