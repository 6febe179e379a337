import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

@Suite struct StaffTablesTests {
    @Test func listShowsOneRowPerWorker() {
        let line = StaffLine(
            rowID: 1, staffID: "SV-0001", fullName: "Иванова Анна Петровна", schoolCode: "SV001", position: "учитель",
            positionKind: .pedagogical, subjects: ["математика", "физика"], category: nil, experience: 12,
            earlyCareer: false, lastTrainingEnd: LocalDate(year: 2025, month: 3, day: 1), postSince: nil,
            categoryDate: nil)
        let table = StaffTables.list([StaffListing(line: line, asOf: LocalDate(year: 2026, month: 12, day: 1)!)])
        #expect(table.columns.count == 11)
        #expect(table.columns[0].key == "staff_id")
        #expect(table.rows[0][0] == .text("SV-0001"))
        #expect(table.rows[0][10] == .bool(true))
        #expect(StaffTables.list([]).emptyMessage == "Работников нет.")
    }

    @Test func positionsSayWhereTheKindComesFrom() {
        let lines = [
            PositionLine(title: "учитель", kind: .pedagogical, count: 3, known: true, overridden: false),
            PositionLine(title: "лаборант", kind: .other, count: 1, known: false, overridden: false),
            PositionLine(title: "методист", kind: .pedagogical, count: 1, known: true, overridden: true),
        ]
        let table = StaffTables.positions(lines)
        #expect(table.columns.map(\.key) == ["position", "kind", "count", "source"])
        #expect(
            table.rows.map { $0[3].display } == [
                "по списку должностей", "нет в списке — проверьте", "исправлено вручную",
            ])
        #expect(StaffTables.positions([]).emptyMessage == "Работников нет.")
    }
}
