import Testing

@testable import NastavnikReports

@Suite struct TrainingReportsTests {
    @Test func orderJSONKeysTheTablesInOrder() {
        let tables = ["Список", "Итоги", "Без программы", "Потребность"].map {
            ReportTable(title: $0, columns: [Column("a", "А")], rows: [[.integer(1)]])
        }
        guard case .object(let pairs) = TrainingReports.orderJSON(tables) else {
            Issue.record("an object expected")
            return
        }
        #expect(pairs.map(\.0) == ["assignments", "totals", "unplaced", "needs"])
        #expect(pairs[0].1 == JSONRenderer().value(tables[0]))
    }
}
