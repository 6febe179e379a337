import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct RoadmapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmap",
        abstract: "Дорожная карта: сроки, отметки о выполнении с документами, просрочки, календарь, квартальный отчёт.",
        discussion: "Дорожная карта загружается командой nastavnik import roadmap ФАЙЛ.",
        subcommands: [List.self, Mark.self, History.self, Calendar.self, QuarterReport.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Мероприятия и их сроки со статусами; номер в первом столбце — для roadmap mark.")

        @Option(name: .long, help: "Только эта дорожная карта (идентификатор или номер).") var roadmap: String?
        @Option(name: .long, help: "Только со сроком окончания в ближайшие N дней.") var dueWithin: Int?
        @Flag(name: .long, help: "Только просроченные.") var overdue = false
        @Option(name: .long, help: "Только с этим ответственным (часть имени или названия).") var responsible: String?
        @OptionGroup var asOf: AsOfOption

        @Flag(name: .long, help: "Показать список дорожных карт вместо мероприятий.") var roadmaps = false
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let app = try database.app()
            if roadmaps {
                let list = try await app.roadmaps()
                try output.emit([
                    ReportTable(
                        title: "",
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
                ])
                return
            }
            let filter = OccurrenceFilter(
                roadmap: roadmap, dueWithinDays: dueWithin, overdueOnly: overdue, responsible: responsible)
            let rows = try await app.occurrences(filter, asOf: asOf.date)
            if output.chosen == .json {
                // The documented keys, in this order; `id` and `roadmap` identify the occurrence.
                let json = JSONValue.array(
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
                try output.writeJSON(json)
                return
            }
            try output.emit([RoadmapCommand.table(rows, title: "")])
        }
    }

    static func table(_ rows: [OccurrenceRow], title: String, emptyMessage: String = "Мероприятий нет.") -> ReportTable
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

    struct Mark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Отметить статус срока мероприятия с документом-основанием.")

        @Argument(help: "Номер срока (первый столбец roadmap list).") var id: Int64
        @Option(
            name: .long,
            help:
                "Статус: выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned)."
        ) var status: String
        @Option(name: .long, help: "Документ, подтверждающий результат: «Приказ № 214 от 12.09.2025».") var evidence:
            String?
        @Option(name: .long, help: "Дата (ДД.ММ.ГГГГ); по умолчанию сегодня.") var date: LocalDate?
        @Option(name: .long, help: "Примечание.") var note: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let value = OccurrenceStatus(userValue: status), value != .overdue else {
                throw UserError(
                    "Неизвестный статус «\(status)»: укажите выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned); просрочка определяется по дате."
                )
            }
            let old = try await database.app().markOccurrence(
                id: id, status: value, date: date ?? .today(), evidence: evidence,
                note: note, by: database.actorName)
            Console.current.out(
                "Срок № \(id): «\(old.russian)» → «\(value.russian)»" + (evidence.map { ", основание: \($0)" } ?? "")
                    + ".\n")
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "История статусов срока мероприятия.")

        @Argument(help: "Номер срока.") var id: Int64
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let history = try await database.app().occurrenceHistory(id: id)
            try output.emit([
                ReportTable(
                    title: "",
                    columns: [
                        Column("status", "Статус"), Column("date", "Дата"), Column("evidence", "Документ"),
                        Column("note", "Примечание"), Column("by", "Кто отметил"),
                    ],
                    rows: history.map {
                        [.text($0.status.russian), .date($0.date), Cell($0.evidence), Cell($0.note), Cell($0.by)]
                    },
                    emptyMessage: "Отметок о статусе не было.")
            ])
        }
    }

    struct Calendar: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Календарь сроков (iCalendar, .ics) для Thunderbird или календаря телефона.")

        @Option(name: .long, help: "Только эта дорожная карта.") var roadmap: String?
        @Option(name: .long, help: "Файл .ics; по умолчанию вывод на экран.") var output: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let calendar = try await database.app().roadmapCalendar(roadmap: roadmap, asOf: .today())
            try Output.write(Array(ICalendarWriter(name: calendar.name).render(calendar.entries).utf8), to: output)
        }
    }
}
