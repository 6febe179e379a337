import NastavnikCore
import NastavnikStore

/// The tables of `roadmap list` and `roadmap history`.
public enum RoadmapTables {
    /// The roadmaps loaded, with their periods and numbers of activities.
    public static func roadmaps(_ list: [RoadmapSummary]) -> ReportTable {
        ReportTable(
            columns: [
                Column("id", "№"), Column("key", "Идентификатор"), Column("title", "Название"),
                Column("period_start", "Начало"), Column("period_end", "Окончание"),
                Column("order", "Приказ"), Column("activities", "Мероприятий"),
            ],
            rows: list.map {
                [
                    .integer(Int($0.id)), .text($0.key), .text($0.title), Cell($0.periodStart),
                    Cell($0.periodEnd),
                    Cell($0.orderRef), .integer($0.activities),
                ]
            },
            emptyMessage: "Дорожные карты не загружены: nastavnik import roadmap ФАЙЛ.")
    }

    /// The terms with their statuses; the first column is the number `roadmap mark` takes.
    public static func occurrences(_ rows: [OccurrenceRow], title: String, emptyMessage: String = "Мероприятий нет.")
        -> ReportTable
    {
        ReportTable(
            title: title,
            columns: [
                Column("id", "№ срока"), Column("number", "№ п/п"), Column("activity", "Мероприятие"),
                Column("term", "Срок"),
                Column("start", "Начало"), Column("end", "Окончание"), Column("recurrence", "Повтор"),
                Column("status", "Статус"), Column("responsible", "Ответственные"), Column("evidence", "Документ"),
            ],
            rows: rows.map { o in
                [
                    .integer(Int(o.id)), Cell(o.number), .text(o.activity),
                    .text(o.term + (o.termFlag.map { " (\($0.russian))" } ?? "")),
                    Cell(o.start), Cell(o.end), Cell(o.recurrence?.russian), .text(o.status.russian),
                    Cell(o.responsible), Cell(o.evidence),
                ]
            },
            emptyMessage: emptyMessage)
    }

    /// The terms as `roadmap list --format json` documents them: these keys, in this order.
    public static func occurrencesJSON(_ rows: [OccurrenceRow]) -> JSONValue {
        // `id` and `roadmap` identify the occurrence.
        .array(
            rows.map { o in
                .object([
                    ("id", .integer(Int(o.id))), ("roadmap", .string(o.roadmapKey)),
                    ("activity", .string(o.activity)), ("number", o.number.map { .string($0) } ?? .null),
                    ("direction", o.direction.map { .string($0) } ?? .null), ("term", .string(o.term)),
                    ("start", o.start.map { .string($0.iso) } ?? .null),
                    ("end", o.end.map { .string($0.iso) } ?? .null),
                    ("recurrence", o.recurrence.map { .string($0.rawValue) } ?? .null),
                    ("status", .string(o.status.rawValue)),
                    ("responsible", o.responsible.map { .string($0) } ?? .null),
                    // The activity the occurrence belongs to, as the calendar's UIDs name it.
                    ("activity_id", .integer(Int(o.activityID))),
                ])
            })
    }

    /// One term as a card: its roadmap, direction, activity, dates, status and the latest evidence.
    public static func occurrenceCard(_ o: OccurrenceRow) -> Card {
        Card(
            title: ActivityLabel.text(number: o.number, activity: o.activity),
            fields: [
                ("id", "№ срока", .integer(Int(o.id))), ("roadmap", "Дорожная карта", .text(o.roadmapTitle)),
                ("direction", "Направление", Cell(o.direction)), ("number", "№ п/п", Cell(o.number)),
                ("activity", "Мероприятие", .text(o.activity)),
                ("term", "Срок", .text(o.term + (o.termFlag.map { " (\($0.russian))" } ?? ""))),
                ("start", "Начало", Cell(o.start)), ("end", "Окончание", Cell(o.end)),
                ("recurrence", "Повтор", Cell(o.recurrence?.russian)), ("status", "Статус", .text(o.status.russian)),
                ("responsible", "Ответственные", Cell(o.responsible)),
                ("result", "Ожидаемый результат", Cell(o.result)),
                ("evidence", "Документ", Cell(o.evidence)), ("status_date", "Дата отметки", Cell(o.statusDate)),
                ("note", "Примечание", Cell(o.note)), ("school_code", "Код ОО", Cell(o.schoolCode)),
            ])
    }

    /// The statuses a term went through, oldest first.
    public static func history(
        _ history: [(status: OccurrenceStatus, date: LocalDate, evidence: String?, note: String?, by: String?)]
    ) -> ReportTable {
        ReportTable(
            columns: [
                Column("status", "Статус"), Column("date", "Дата"), Column("evidence", "Документ"),
                Column("note", "Примечание"), Column("by", "Кто отметил"),
            ],
            rows: history.map {
                [.text($0.status.russian), .date($0.date), Cell($0.evidence), Cell($0.note), Cell($0.by)]
            },
            emptyMessage: "Отметок о статусе не было.")
    }

    /// A term's evidence files: number, name, kind, size, when and by whom attached.
    public static func evidenceFiles(_ files: [EvidenceFile]) -> ReportTable {
        ReportTable(
            title: "Файлы документов-оснований",
            columns: [
                Column("id", "№"), Column("file", "Файл"), Column("kind", "Тип"), Column("size", "Размер, КБ"),
                Column("at", "Приложен"), Column("by", "Кто приложил"),
            ],
            rows: files.map { file in
                [
                    .integer(Int(file.id)), .text(file.fileName),
                    .text(
                        EvidenceFileKind.allCases.first { $0.contentType == file.contentType }?.label
                            ?? file.contentType),
                    .integer((file.size + 1023) / 1024), Cell(LocalDate(iso: file.recordedAt.utf8.prefix(10))),
                    Cell(file.recordedBy),
                ]
            },
            emptyMessage: "Файлы документов не приложены.")
    }
}
