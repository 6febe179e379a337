import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore

struct RoadmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmap",
        abstract: "Дорожная карта: импорт, сроки, отметки о выполнении с документами, просрочки, календарь, квартальный отчёт.",
        subcommands: [Import.self, List.self, Mark.self, History.self, Calendar.self, QuarterReport.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Импорт дорожной карты (то же, что nastavnik import roadmap ФАЙЛ).")

        @Argument(help: "Файл дорожной карты.")
        var file: String

        @Flag(name: .long, help: "Только проверить, ничего не записывая.")
        var dryRun = false

        @Option(name: .long, help: "Кодировка: utf-8 или cp1251.")
        var encoding: String?

        @Option(name: .long, help: "Разделитель: ';', ',' или tab.")
        var delimiter: String?

        @Option(name: .long, help: "Формат итога: table или json.")
        var format: ImportOutputFormat = .table

        @OptionGroup var roadmap: RoadmapImportOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            var options = try ImportCommand.options(encoding: encoding, delimiter: delimiter)
            options.dryRun = dryRun
            options.importedBy = database.actorName
            options.roadmap = try roadmap.options()
            try ImportCommand.perform(importer: Importer(database: try database.open(dryRun ? .read : .write)), file: file, kind: .roadmap,
                                      options: options, format: format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Мероприятия и их сроки со статусами; номер в первом столбце — для roadmap mark.")

        @Option(name: .long, help: "Только эта дорожная карта (идентификатор или номер).")
        var roadmap: String?

        @Option(name: .long, help: "Только со сроком окончания в ближайшие N дней.")
        var dueWithin: Int?

        @Flag(name: .long, help: "Только просроченные.")
        var overdue = false

        @Option(name: .long, help: "Только с этим ответственным (часть имени или названия).")
        var responsible: String?

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @Flag(name: .long, help: "Показать список дорожных карт вместо мероприятий.")
        var roadmaps = false

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            if roadmaps {
                let list = try db.roadmaps()
                try format.emit([ReportTable(
                    title: "", columns: [Column("id", "№"), Column("key", "Идентификатор"), Column("title", "Название"),
                                         Column("period_start", "Начало"), Column("period_end", "Окончание"),
                                         Column("order", "Приказ"), Column("activities", "Мероприятий")],
                    rows: list.map { [.integer(Int($0.id)), .text($0.key), .text($0.title), Cell($0.periodStart), Cell($0.periodEnd),
                                      Cell($0.orderRef), .integer($0.activities)] },
                    emptyMessage: "Дорожные карты не загружены: nastavnik roadmap import ФАЙЛ.")])
                return
            }
            let date = asOf ?? .today()
            let filter = OccurrenceFilter(roadmap: roadmap, dueWithinDays: dueWithin, overdueOnly: overdue, responsible: responsible)
            let rows = try db.occurrences(filter, asOf: date)
            if format.format == .json {
                // The documented keys, in this order; `id` and `roadmap` identify the occurrence.
                let json = JSONValue.array(rows.map { o in
                    .object([
                        ("id", .integer(Int(o.id))), ("roadmap", .string(o.roadmapKey)),
                        ("activity", .string(o.activity)), ("number", o.number.map { .string($0) } ?? .null),
                        ("direction", o.direction.map { .string($0) } ?? .null), ("term", .string(o.term)),
                        ("start", o.start.map { .string($0.iso) } ?? .null), ("end", o.end.map { .string($0.iso) } ?? .null),
                        ("recurrence", o.recurrence.map { .string($0.rawValue) } ?? .null), ("status", .string(o.status.rawValue)),
                        ("responsible", o.responsible.map { .string($0) } ?? .null),
                        // The activity the occurrence belongs to, as the calendar's UIDs name it.
                        ("activity_id", .integer(Int(o.activityID))),
                    ])
                })
                try format.emit([], json: json)
                return
            }
            try format.emit([RoadmapCommand.table(rows, title: "")])
        }
    }

    static func table(_ rows: [OccurrenceRow], title: String, emptyMessage: String = "Мероприятий нет.") -> ReportTable {
        ReportTable(
            title: title,
            columns: [Column("id", "№ срока"), Column("number", "№ п/п"), Column("activity", "Мероприятие"), Column("term", "Срок"),
                      Column("start", "Начало"), Column("end", "Окончание"), Column("recurrence", "Повтор"),
                      Column("status", "Статус"), Column("responsible", "Ответственные"), Column("evidence", "Документ")],
            rows: rows.map { o in
                [.integer(Int(o.id)), Cell(o.number), .text(o.activity), .text(o.term + (o.termFlag.map { " (\($0.russian))" } ?? "")),
                 Cell(o.start), Cell(o.end), Cell(o.recurrence?.russian), .text(o.status.russian), Cell(o.responsible), Cell(o.evidence)]
            },
            emptyMessage: emptyMessage)
    }

    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Отметить статус срока мероприятия с документом-основанием.")

        @Argument(help: "Номер срока (первый столбец roadmap list).")
        var id: Int64

        @Option(name: .long, help: "Статус: выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned).")
        var status: String

        @Option(name: .long, help: "Документ, подтверждающий результат: «Приказ № 214 от 12.09.2025».")
        var evidence: String?

        @Option(name: .long, help: "Дата (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var date: LocalDate?

        @Option(name: .long, help: "Примечание.")
        var note: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            guard let value = OccurrenceStatus(userValue: status), value != .overdue else {
                throw UserError("Неизвестный статус «\(status)»: укажите выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned); просрочка определяется по дате.")
            }
            let db = try database.open()
            let old = try db.markOccurrence(id: id, status: value, date: date ?? .today(), evidence: evidence, note: note,
                                            by: database.actorName)
            Console.current.out("Срок № \(id): «\(old.russian)» → «\(value.russian)»" + (evidence.map { ", основание: \($0)" } ?? "") + ".\n")
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "История статусов срока мероприятия.")

        @Argument(help: "Номер срока.")
        var id: Int64

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let history = try database.open().occurrenceHistory(id: id)
            try format.emit([ReportTable(
                title: "", columns: [Column("status", "Статус"), Column("date", "Дата"), Column("evidence", "Документ"),
                                     Column("note", "Примечание"), Column("by", "Кто отметил")],
                rows: history.map { [.text($0.status.russian), .date($0.date), Cell($0.evidence), Cell($0.note), Cell($0.by)] },
                emptyMessage: "Отметок о статусе не было.")])
        }
    }

    struct Calendar: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Календарь сроков (iCalendar, .ics) для Thunderbird или календаря телефона.")

        @Option(name: .long, help: "Только эта дорожная карта.")
        var roadmap: String?

        @Option(name: .long, help: "Файл .ics; по умолчанию вывод на экран.")
        var output: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let rows = try database.open().occurrences(OccurrenceFilter(roadmap: roadmap), asOf: .today())
            let entries = RoadmapCommand.calendarEntries(rows)
            let name = roadmap.flatMap { key in rows.first { $0.roadmapKey == key }?.roadmapTitle } ?? "Дорожные карты"
            try Output.write(Array(ICalendarWriter(name: name).render(entries).utf8), to: output)
        }
    }

    /// One calendar entry per dated occurrence, one per series a calendar expands to the
    /// tool's own dates (`CalendarSeries.plan`); a series' done and cancelled occurrences are
    /// excluded from it and written on their own.
    static func calendarEntries(_ rows: [OccurrenceRow]) -> [ICalendarWriter.Entry] {
        var entries: [ICalendarWriter.Entry] = []
        let dated = rows.filter { $0.start != nil && $0.end != nil }
        let recurring = Dictionary(grouping: dated.filter { $0.recurrence != nil }, by: \.activityID)
        func span(_ o: OccurrenceRow) -> CalendarSeries.Span {
            CalendarSeries.Span(start: o.start!, end: o.end!, excluded: o.status == .done || o.status == .cancelled)
        }
        // Activities written as one component with RRULE, and which of their occurrences stand apart.
        var plans: [Int64: CalendarSeries.Plan] = [:]
        for (id, list) in recurring {
            let sorted = list.sorted { ($0.start!, $0.end!) < ($1.start!, $1.end!) }
            // All occurrences of a series are deadlines or all are periods.
            guard Set(sorted.map(\.isDeadline)).count == 1 else { continue }
            plans[id] = CalendarSeries.plan(sorted.map(span), every: sorted[0].recurrence!)
        }
        var written = Set<Int64>()
        for o in dated {
            let description = ["Срок: \(o.term)", o.responsible.map { "Ответственные: \($0)" }, o.result.map { "Результат: \($0)" },
                               "Дорожная карта: \(o.roadmapTitle)"].compactMap { $0 }.joined(separator: "\n")
            let summary = ActivityLabel.text(number: o.number, activity: o.activity)
            // An activity may have one-off dates beside its series («01.09.2025, май»): those stay entries of their own.
            if o.recurrence != nil, let plan = plans[o.activityID] {
                if written.insert(o.activityID).inserted {
                    entries.append(.init(uid: "activity-\(o.activityID)@nastavnik", summary: summary, description: description,
                                         start: plan.first.start, end: plan.first.end, isDeadline: o.isDeadline, rule: plan.rule,
                                         exceptions: plan.exceptions))
                }
                if !span(o).excluded { continue }
            }
            // One entry per occurrence: a single date, a series no rule reproduces, or an
            // occurrence done or cancelled.
            entries.append(.init(uid: "occurrence-\(o.id)@nastavnik", summary: summary, description: description,
                                 start: o.start!, end: o.end!, isDeadline: o.isDeadline, done: o.status == .done,
                                 completed: o.status == .done ? o.statusDate : nil, cancelled: o.status == .cancelled))
        }
        return entries
    }
}
