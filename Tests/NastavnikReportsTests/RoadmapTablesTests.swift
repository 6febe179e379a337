import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

@Suite struct RoadmapTablesTests {
    let occurrence = OccurrenceRow(
        id: 7, roadmapKey: "rm", roadmapTitle: "Дорожная карта", activityID: 3, number: "1.2", direction: nil,
        activity: "Семинар", term: "до 1 июня", termFlag: nil, start: nil, end: LocalDate(year: 2026, month: 6, day: 1),
        recurrence: nil, isDeadline: true, storedStatus: .planned, status: .planned, responsible: nil, result: nil,
        evidence: nil, statusDate: nil, note: nil)

    @Test func roadmapsTable() {
        let summary = RoadmapSummary(
            id: 1, key: "rm", title: "Дорожная карта", periodStart: nil, periodEnd: nil, orderRef: nil, activities: 4)
        let table = RoadmapTables.roadmaps([summary])
        #expect(
            table.columns.map(\.key) == ["id", "key", "title", "period_start", "period_end", "order", "activities"])
        #expect(table.rows[0][6] == .integer(4))
        #expect(
            RoadmapTables.roadmaps([]).emptyMessage == "Дорожные карты не загружены: nastavnik import roadmap ФАЙЛ.")
    }

    @Test func occurrencesTableAndJSON() {
        let table = RoadmapTables.occurrences([occurrence], title: "Сроки")
        #expect(table.title == "Сроки")
        #expect(table.columns.first?.key == "id")
        #expect(table.rows[0][0] == .integer(7))
        #expect(table.rows[0][2] == .text("Семинар"))
        #expect(RoadmapTables.occurrences([], title: "").emptyMessage == "Мероприятий нет.")
        guard case .array(let items) = RoadmapTables.occurrencesJSON([occurrence]),
            case .object(let pairs) = items.first
        else {
            Issue.record("an array of objects expected")
            return
        }
        #expect(pairs.map(\.0).first == "id")
        #expect(pairs.map(\.0).last == "activity_id")
    }

    @Test func historyTable() {
        let table = RoadmapTables.history([
            (status: .done, date: LocalDate(year: 2026, month: 6, day: 1)!, evidence: "Приказ № 1", note: nil, by: nil)
        ])
        #expect(table.columns.map(\.key) == ["status", "date", "evidence", "note", "by"])
        #expect(table.rows[0][2] == .text("Приказ № 1"))
        #expect(RoadmapTables.history([]).emptyMessage == "Отметок о статусе не было.")
    }

    @Test func occurrenceCard() {
        var done = occurrence
        (done.status, done.evidence, done.schoolCode) = (.done, "Приказ № 214", "S1")
        let card = RoadmapTables.occurrenceCard(done)
        #expect(card.title == "1.2. Семинар")
        let fields = Dictionary(uniqueKeysWithValues: card.fields.map { ($0.0, $0.2) })
        #expect(fields["id"] == .integer(7))
        #expect(fields["status"] == .text("выполнено"))
        #expect(fields["evidence"] == .text("Приказ № 214"))
        #expect(fields["school_code"] == .text("S1"))
        #expect(fields["end"] == .date(LocalDate(year: 2026, month: 6, day: 1)!))
        #expect(fields["start"] == .empty)
    }
}
