import NastavnikCore
import Testing

@testable import NastavnikReports

@Suite struct ObservationTablesTests {
    @Test func listShowsTheScoresByCriterion() {
        let entry = ObservationEntry(
            date: LocalDate(year: 2026, month: 10, day: 5)!, observer: "Петрова", scores: ["рефлексия": 1, "цель": 2],
            deficits: ["целеполагание"])
        let table = ObservationTables.list([
            (date: entry.date, staffID: "SV-0001", fullName: "Иванова", schoolCode: "SV001", entry: entry)
        ])
        #expect(table.columns.count == 12)
        #expect(table.columns[0].key == "date")
        #expect(table.rows[0][9] == .list(["рефлексия=1", "цель=2"]))
        #expect(ObservationTables.list([]).emptyMessage == "Посещённых уроков нет.")
    }
}
