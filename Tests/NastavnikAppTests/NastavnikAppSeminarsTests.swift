import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@Suite struct NastavnikAppSeminarsTests {
    let request = SeminarRequest(
        topic: "Формирующее оценивание", from: LocalDate(year: 2026, month: 12, day: 7)!,
        to: LocalDate(year: 2026, month: 12, day: 31)!, capacity: 4)

    @Test func planProposesAndWritesNothing() async throws {
        let fixture = try AppFixture()
        let plan = try await fixture.app.planSeminars(request)
        #expect(plan.eventIDs.isEmpty)
        #expect(plan.sessions.flatMap(\.participants).compactMap(\.staffID).sorted() == (1...7).map { "W\($0)" })
        #expect(plan.sessions.allSatisfy { $0.participants.count <= 4 })
        #expect(try await fixture.app.events().isEmpty)
    }

    @Test func createSavesWhatPlanProposes() async throws {
        let fixture = try AppFixture()
        let proposed = try await fixture.app.planSeminars(request)
        let created = try await fixture.app.createSeminars(request)
        #expect(created.sessions == proposed.sessions)
        #expect(created.eventIDs.count == proposed.sessions.count)
        let events = try await fixture.app.events()
        #expect(events.map(\.id) == created.eventIDs)
        #expect(events.flatMap(\.participants).count == 7)
    }

    @Test func attendanceFromTheSheetNamesEveryBadCell() async throws {
        let fixture = try AppFixture()
        let created = try await fixture.app.createSeminars(request)
        let id = try #require(created.eventIDs.first)
        let bad = fixture.write("bad.csv", "Табельный номер;Присутствовал\nW1;может быть\nW2;да\nW3;?\n")
        let asOf = LocalDate(year: 2027, month: 1, day: 10)!
        await #expect(
            throws: AppError(
                "\(bad):2: столбец «Присутствовал»: ожидается «да» или «нет» (может быть).\n"
                    + "\(bad):4: столбец «Присутствовал»: ожидается «да» или «нет» (?).\nПосещаемость не записана.")
        ) {
            try await fixture.app.recordAttendance(event: id, present: [], sheet: bad, asOf: asOf)
        }
        let participant = try #require(try await fixture.app.event(id).participants.first?.staffID)
        let result = try await fixture.app.recordAttendance(event: id, present: [participant], sheet: nil, asOf: asOf)
        #expect(result.present == 1)
        #expect(try await fixture.app.event(id).participants.filter { $0.attended == true }.count == 1)
    }

    @Test func anUnknownKindIsRefused() async throws {
        let fixture = try AppFixture()
        var request = request
        request.kind = "конференция"
        await #expect(throws: AppError.self) { try await fixture.app.planSeminars(request) }
    }
}
