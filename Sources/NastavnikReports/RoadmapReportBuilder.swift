import NastavnikCore
import NastavnikStore

/// Builds the monitoring report of a roadmap for a period (a quarter, a year) from the store's
/// occurrences, passed as values: it never opens the database.
public enum RoadmapReportBuilder {
    /// `all`: the occurrences with their statuses as they stood at the end of `period`;
    /// `periodText`: the period as the user wrote it, for the title.
    public static func build(_ all: [OccurrenceRow], period: ClosedRange<LocalDate>, periodText: String) -> Report {
        let inPeriod = all.filter { o in
            guard let start = o.start, let end = o.end else { return false }
            return start <= period.upperBound && end >= period.lowerBound
        }
        let due = inPeriod.filter { $0.end! <= period.upperBound }
        let done = due.filter { $0.status == .done }
        let overdue = all.filter { $0.status == .overdue }
        let nextStart = period.upperBound.adding(days: 1)
        let next = nextStart...nextStart.adding(months: 3).adding(days: -1)
        let upcoming = all.filter { o in
            guard let start = o.start, let end = o.end, o.status != .done, o.status != .cancelled else { return false }
            return start <= next.upperBound && end >= next.lowerBound
        }
        let unreadable = all.filter { $0.start == nil && $0.termFlag == .unreadable }
        let undated = Set(all.filter { $0.start == nil && $0.termFlag != .unreadable }.map(\.activityID)).count
        let roadmaps = Set(all.map(\.roadmapTitle)).sorted()
        let share = due.isEmpty ? 0 : Double(done.count) * 100 / Double(due.count)

        func evidenceTable(_ rows: [OccurrenceRow], title: String, empty: String) -> ReportTable {
            ReportTable(
                title: title,
                columns: [
                    Column("direction", "Направление"), Column("number", "№"), Column("activity", "Мероприятие"),
                    Column("term", "Срок"), Column("end", "Окончание"), Column("responsible", "Ответственные"),
                    Column("status", "Статус"), Column("evidence", "Документ"), Column("date", "Дата отметки"),
                ],
                rows: rows.map { o in
                    [
                        Cell(o.direction), Cell(o.number), .text(o.activity), .text(o.term), Cell(o.end),
                        Cell(o.responsible),
                        .text(o.status.russian), Cell(o.evidence), Cell(o.statusDate),
                    ]
                },
                emptyMessage: empty)
        }

        func counts(by key: (OccurrenceRow) -> [String], title: String, keyTitle: String) -> ReportTable {
            var table: [String: (done: Int, overdue: Int, open: Int)] = [:]
            for o in inPeriod + overdue.filter({ o in !inPeriod.contains(where: { $0.id == o.id }) }) {
                for k in key(o) {
                    var c = table[k] ?? (0, 0, 0)
                    switch o.status {
                    case .done: c.done += 1
                    case .overdue: c.overdue += 1
                    case .cancelled: break
                    default: c.open += 1
                    }
                    table[k] = c
                }
            }
            return ReportTable(
                title: title,
                columns: [
                    Column("key", keyTitle), Column("done", "Выполнено"), Column("overdue", "Просрочено"),
                    Column("open", "В работе и запланировано"),
                ],
                rows: table.keys.sorted().map { k in
                    [.text(k), .integer(table[k]!.done), .integer(table[k]!.overdue), .integer(table[k]!.open)]
                },
                emptyMessage: "За период мероприятий нет.")
        }

        // One person however written («А.А. Шурыгина», «Шурыгина А.А.»): shown as first written.
        var spelling: [String: String] = [:]
        for o in all {
            for name in PersonName.names(in: o.responsible) where spelling[PersonName.key(name)] == nil {
                spelling[PersonName.key(name)] = name
            }
        }
        let responsibleNames: (OccurrenceRow) -> [String] = { o in
            let names = PersonName.names(in: o.responsible).map { spelling[PersonName.key($0)] ?? $0 }
            return names.isEmpty ? ["не указаны"] : Array(Set(names)).sorted()
        }

        return Report(
            title: "Мониторинг дорожной карты за \(periodText)",
            subtitle: "Период \(period.lowerBound.russian) — \(period.upperBound.russian); "
                + (roadmaps.isEmpty ? "дорожные карты не загружены" : roadmaps.joined(separator: "; ")),
            sections: [
                ReportSection(
                    title: "Итоги периода",
                    blocks: [
                        .table(
                            ReportTable(
                                columns: [Column("indicator", "Показатель"), Column("value", "Значение")],
                                rows: [
                                    [.text("Сроков в периоде"), .integer(inPeriod.count)],
                                    [.text("Должны были завершиться в периоде"), .integer(due.count)],
                                    [.text("Выполнено из них"), .integer(done.count)],
                                    [.text("Доля выполненных в срок"), .percent(share)],
                                    [.text("Просрочено на конец периода (всего)"), .integer(overdue.count)],
                                    [.text("Предстоит в следующем квартале"), .integer(upcoming.count)],
                                    [.text("Мероприятий без дат (постоянно, по графику)"), .integer(undated)],
                                    [
                                        .text("Мероприятий с нераспознанным сроком"),
                                        .integer(Set(unreadable.map(\.activityID)).count),
                                    ],
                                ]))
                    ]),
                // Nobody is reminded of these: the department must give them dates by hand.
                ReportSection(
                    title: "Срок не распознан: уточните даты",
                    blocks: [
                        .table(
                            ReportTable(
                                columns: [
                                    Column("direction", "Направление"), Column("number", "№"),
                                    Column("activity", "Мероприятие"),
                                    Column("term", "Срок, как записан"), Column("responsible", "Ответственные"),
                                ],
                                rows: unreadable.map { o in
                                    [
                                        Cell(o.direction), Cell(o.number), .text(o.activity), .text(o.term),
                                        Cell(o.responsible),
                                    ]
                                },
                                emptyMessage: "Все сроки распознаны."))
                    ]),
                ReportSection(
                    title: "Выполнено",
                    blocks: [.table(evidenceTable(done, title: "", empty: "В периоде ничего не отмечено выполненным."))]
                ),
                ReportSection(
                    title: "Просрочено",
                    blocks: [.table(evidenceTable(overdue, title: "", empty: "Просроченных сроков нет."))]),
                ReportSection(
                    title: "Предстоит в следующем квартале (\(next.lowerBound.russian) — \(next.upperBound.russian))",
                    blocks: [.table(evidenceTable(upcoming, title: "", empty: "В следующем квартале сроков нет."))]),
                ReportSection(
                    title: "По направлениям",
                    blocks: [
                        .table(counts(by: { [$0.direction ?? "без направления"] }, title: "", keyTitle: "Направление"))
                    ]),
                ReportSection(
                    title: "По ответственным",
                    blocks: [.table(counts(by: responsibleNames, title: "", keyTitle: "Ответственный"))]),
            ])
    }
}
