import NastavnikCore

/// The table of `observations list`.
public enum ObservationTables {
    /// The lessons observed, with the scores by criterion and the deficits found.
    public static func list(
        _ rows: [(date: LocalDate, staffID: String?, fullName: String, schoolCode: String, entry: ObservationEntry)]
    ) -> ReportTable {
        ReportTable(
            columns: [
                Column("date", "Дата"), .staffID, Column("full_name", "Учитель"),
                .schoolCode,
                Column("class", "Класс"), Column("subject", "Предмет"), Column("observer", "Наблюдатель"),
                Column("role", "Роль"),
                Column("focus", "Цель"), Column("scores", "Оценки"), Column("deficits", "Дефициты"),
                Column("note", "Рекомендации"),
            ],
            rows: rows.map { o in
                [
                    .date(o.date), Cell(o.staffID), .text(o.fullName), .text(o.schoolCode),
                    Cell(o.entry.className), Cell(o.entry.subject),
                    .text(o.entry.observer), Cell(o.entry.observerRole), Cell(o.entry.focus),
                    .list(
                        o.entry.scores.keys.sorted().map {
                            "\($0)=\(Cell.russianNumber(o.entry.scores[$0]!, decimals: 0))"
                        }),
                    .list(o.entry.deficits), Cell(o.entry.note),
                ]
            },
            emptyMessage: "Посещённых уроков нет.")
    }
}
