import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore

struct SeminarsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seminars",
        abstract: "Семинары и мастер-классы для педагогов с общим дефицитом: группы, площадки, ведущие, даты, приглашения, посещаемость, охват.",
        subcommands: [Plan.self, Create.self, List.self, Invite.self, Attendance.self, Coverage.self]
    )

    struct PlanOptions: ParsableArguments {
        @Option(name: .long, help: "Тема (дефицит), например «формирующее оценивание».")
        var topic: String

        @Option(name: .long, help: "С даты (ДД.ММ.ГГГГ); по умолчанию через две недели.")
        var from: LocalDate?

        @Option(name: .long, help: "По дату; по умолчанию через два месяца после начала.")
        var to: LocalDate?

        @Option(name: .long, help: "Участников в одной группе (по умолчанию 25).")
        var capacity: Int = 25

        @Option(name: .long, help: "Вид: \(EventKind.russianList). Методическое объединение приглашает всех педагогических и руководящих работников школ с НОР, ЗПР, ЗУР и ШНСУ (охват 80 %), остальные — педагогов с дефицитом в теме.")
        var kind: String = "семинар"

        @Option(name: .long, help: "Время начала.")
        var time: String = "14:00"

        @Option(name: .long, help: "Продолжительность, минут.")
        var minutes: Int = 90

        @Option(name: .long, help: "Мероприятие дорожной карты, которое выполняется (номер срока из roadmap list).")
        var activity: Int64?
    }

    static func plan(_ options: PlanOptions, db: NastavnikDatabase) throws -> (sessions: [SeminarSession], kind: EventKind) {
        guard let kind = EventKind(userValue: options.kind) else { throw UserError("Неизвестный вид мероприятия «\(options.kind)» (--kind): укажите один из: \(EventKind.russianList).") }
        guard options.capacity > 0 else { throw UserError("Вместимость должна быть больше нуля.") }
        let start = options.from ?? LocalDate.today().adding(days: 14)
        let end = options.to ?? start.adding(months: 2)
        guard end >= start else { throw UserError("Дата --to раньше даты --from.") }
        let inputs = try db.seminarInputs(topic: options.topic, asOf: start, everyone: kind.invitesEveryone)
        let sessions = SeminarPlanner(capacity: options.capacity, window: start...end)
            .plan(participants: inputs.participants, candidatesToPresent: inputs.presenters, schools: inputs.schools, busy: inputs.busy)
        return (sessions, kind)
    }

    static func planAndShow(_ options: PlanOptions, save: Bool, format: FormatOptions, database: DatabaseOptions) throws {
        let db = try database.open()
        let (sessions, kind) = try plan(options, db: db)
        if save {
            let ids: [Int64]
            do {
                ids = try db.saveSessions(sessions, kind: kind, topic: options.topic, startTime: options.time, minutes: options.minutes,
                                          capacity: options.capacity, occurrence: options.activity)
            } catch let error as StoreError {
                throw UserError(error.errorDescription ?? "\(error)")
            }
            Console.current.err("Сохранено мероприятий: \(ids.count) (№ \(ids.map(String.init).joined(separator: ", "))).\n")
        }
        try show(sessions, format: format, topic: options.topic)
    }

    static func show(_ sessions: [SeminarSession], format: FormatOptions, topic: String) throws {
        let json = JSONValue.array(sessions.map { s in
            .object([("date", .string(s.date.iso)), ("host_school_code", s.host.map { .string($0.code) } ?? .null),
                     ("presenters", .array(s.presenters.compactMap(\.staffID).map { .string($0) })),
                     ("participants", .array(s.participants.compactMap(\.staffID).map { .string($0) }))])
        })
        try format.emit([ReportTable(
            title: "",
            columns: [Column("session", "Группа"), Column("date", "Дата"), Column("host", "Площадка"), Column("presenters", "Ведущие"),
                      Column("count", "Участников"), Column("participants", "Участники")],
            rows: sessions.enumerated().map { i, s in
                [.integer(i + 1), .date(s.date), Cell(s.host.map { "\($0.code) \($0.name)" }), .list(s.presenters.map(\.name)),
                 .integer(s.participants.count), .list(s.participants.map(\.name))]
            },
            emptyMessage: "Педагогов с дефицитом «\(topic)» нет.")], json: json)
    }

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Предложить группы, площадки, ведущих и даты; ничего не сохраняется без --save (или seminars create).")
        @OptionGroup var options: PlanOptions
        @Flag(name: .long, help: "Сохранить как мероприятия с приглашёнными.") var save = false
        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try SeminarsCommand.planAndShow(options, save: save, format: format, database: database)
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Запланировать и сохранить (то же, что seminars plan --save).")
        @OptionGroup var options: PlanOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try SeminarsCommand.planAndShow(options, save: true, format: format, database: database)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Мероприятия.")
        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let events = try database.open().events()
            try format.emit([ReportTable(
                title: "",
                columns: [Column("id", "№"), Column("date", "Дата"), Column("kind", "Вид"), Column("title", "Название"), Column("host", "Площадка"),
                          Column("presenters", "Ведущие"), Column("invited", "Приглашено"), Column("attended", "Пришли")],
                rows: events.map { e in
                    [.integer(Int(e.id)), .date(e.date), .text(e.kind.russian), .text(e.title), Cell(e.hostCode), .list(e.presenters.map(\.name)),
                     .integer(e.participants.count), .integer(e.participants.filter { $0.attended == true }.count)]
                },
                emptyMessage: "Мероприятий нет: nastavnik seminars plan --topic ТЕМА --save.")])
        }
    }

    struct Invite: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Список приглашённых по школам и лист регистрации для печати.")
        @Argument(help: "Номер мероприятия.") var id: Int64
        @Option(name: .long, help: "Формат: html, csv или xlsx.") var format: String = "html"
        @Option(name: .long, help: "Файл для записи.") var output: String?
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            guard let event = try database.open().events(id: id).first else { throw UserError("Мероприятие № \(id) не найдено.") }
            let bySchool = Dictionary(grouping: event.participants, by: { "\($0.school) \($0.schoolName)" })
            let invitation = ReportTable(
                title: "Приглашённые по школам",
                columns: [Column("school", "Школа"), Column("count", "Человек"), Column("names", "Педагоги")],
                rows: bySchool.keys.sorted().map { [.text($0), .integer(bySchool[$0]!.count), .list(bySchool[$0]!.map(\.name))] })
            // The sheet reads back as the attendance file: «Табельный номер» and «Присутствовал» (да/нет).
            let sheet = ReportTable(
                title: "Лист регистрации участников",
                columns: [Column("n", "№"), Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school", "Школа"),
                          Column("present", "Присутствовал"), Column("signature", "Подпись")],
                rows: event.participants.enumerated().map { i, p in
                    [.integer(i + 1), Cell(p.staffID), .text(p.name), .text(p.schoolName), .empty, .text(" ")]
                })
            let report = Report(
                title: event.title,
                subtitle: "\(event.kind.russian.sentenceCased), \(event.date.russian)" + (event.startTime.map { ", \($0)" } ?? "")
                    + (event.hostName.map { ", площадка: \($0)" } ?? "") + (event.presenters.isEmpty ? "" : "; ведущие: \(event.presenters.map(\.name).joined(separator: ", "))"),
                sections: [ReportSection(title: "Приглашение", blocks: [.table(invitation)]),
                           ReportSection(title: "Лист регистрации", blocks: [.table(sheet)])])
            switch format.lowercased() {
            case "html": try Output.write(Array(HTMLRenderer().render(report, pageBreakBetweenSections: true).utf8), to: output)
            case "csv": try Output.write(CSVRenderer().render(sheet), to: output)
            case "xlsx": try Output.write(try XLSXWriter().render(report), to: output ?? "event-\(id).xlsx")
            default: throw UserError("Неизвестный формат «\(format)»: укажите html, csv или xlsx.")
            }
        }
    }

    struct Attendance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Отметить пришедших: из файла (столбец «Табельный номер», необязательный «Присутствовал» да/нет) или --present.")
        @Argument(help: "Номер мероприятия.") var id: Int64
        @Argument(help: "Файл с отметками (лист регистрации из seminars invite --format csv с заполненным столбцом «Присутствовал»).") var file: String?
        @Option(name: .long, parsing: .upToNextOption, help: "Табельные номера пришедших.") var present: [String] = []
        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня. Посещаемость мероприятия, которое ещё не прошло, не отмечается.") var asOf: LocalDate?
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            var ids = present
            var places: [String: String] = [:]
            if let file {
                let reader = try CSVReader(path: file)
                guard let header = try reader.next() else { throw UserError("\(file): файл пуст.") }
                let names = header.fields.map(ImportKind.normalizeHeader)
                guard let idColumn = names.firstIndex(where: { ["табельный номер", "staff_id", "id педагога"].contains($0) }) else {
                    throw UserError("\(file):1: нет столбца «Табельный номер».")
                }
                let presentColumn = names.firstIndex(where: { ["присутствовал", "присутствие", "пришёл", "пришел", "attended"].contains($0) })
                // Every bad cell of the sheet is named at once, with its line.
                var problems: [String] = []
                while let record = try reader.next() {
                    guard !record.isBlank, idColumn < record.fields.count else { continue }
                    let staffID = CellValue.trimmed(record.fields[idColumn])
                    if let presentColumn, presentColumn < record.fields.count {
                        // Not filled in: not marked (the sheet lists everyone invited).
                        if CellValue.trimmed(record.fields[presentColumn]).isEmpty { continue }
                        guard let flag = CellValue.boolean(record.fields[presentColumn]) else {
                            problems.append("\(file):\(record.line): столбец «\(header.fields[presentColumn])»: ожидается «да» или «нет» (\(record.fields[presentColumn])).")
                            continue
                        }
                        if !flag { continue }
                    }
                    if !staffID.isEmpty {
                        ids.append(staffID)
                        if places[staffID] == nil { places[staffID] = "\(file):\(record.line)" }
                    }
                }
                guard problems.isEmpty else { throw UserError(problems.joined(separator: "\n") + "\nПосещаемость не записана.") }
            }
            guard !ids.isEmpty else {
                throw UserError(file.map { "\($0): не отмечен ни один присутствующий: заполните столбец «Присутствовал» (да/нет)." }
                                ?? "Укажите файл или --present с табельными номерами.")
            }
            let result = try database.open().recordAttendance(event: id, present: ids, asOf: asOf ?? .today(), places: places).orUserError()
            Console.current.out("Отмечено присутствующих: \(result.present). Закрыто пунктов ИППР: \(result.closedItems).\n")
        }
    }

    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Охват: доля педагогических и руководящих работников школы и муниципалитета, охваченных за период, против целевых: 30 % — мастер-классы, творческие лаборатории, консультации, семинары и вебинары, наставничество (вместе); 80 % — методические объединения.")
        @Option(name: .long, help: "Учебный год 2024/25 или период.") var period: String
        @Option(name: .long, help: "Вид мероприятия (\(EventKind.russianList)); вид с целевым охватом считается вместе со всеми видами своей строки дорожной карты.") var kind: String?
        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            guard let range = PeriodText.parse(period) else { throw UserError("Период «\(period)» не распознан: укажите 2024/25.") }
            var eventKind: EventKind?
            if let kind {
                guard let k = EventKind(userValue: kind) else { throw UserError("Неизвестный вид мероприятия «\(kind)» (--kind): укажите один из: \(EventKind.russianList).") }
                eventKind = k
            }
            let db = try database.open()
            let target = eventKind?.coverageTarget
            let counts: (Participation.Activity) -> Bool = { activity in
                if let target { return target.counts(activity) }
                if let eventKind { return activity == .event(eventKind) }
                return true
            }
            let schools = try db.indicatorSchools()
            let rows = NastavnikCore.Coverage.compute(schools: schools, staff: try db.indicatorStaff(asOf: range.end),
                                                      participations: try db.participations(), period: range.start...range.end, counts: counts)
            let teachers = rows.reduce(0) { $0 + $1.population }, reached = rows.reduce(0) { $0 + $1.reached }
            func row(_ code: String, _ name: String, _ t: Int, _ r: Int) -> [Cell] {
                let share = t == 0 ? 0 : Double(r) * 100 / Double(t)
                return [.text(code), .text(name), .integer(t), .integer(r), .percent(share), target.map { .percent($0.percent) } ?? .empty,
                        target.map { .bool(share >= $0.percent) } ?? .empty]
            }
            // The targets are «от педагогических работников ОО» of the program: the schools that need support.
            let supportedCodes = Set(schools.filter { $0.statuses.contains(where: \.needsSupport) }.map(\.code))
            let supported = rows.filter { supportedCodes.contains($0.code) }
            let supportedRow = supported.isEmpty ? [] : [row("", "Школы с НОР, ЗПР, ЗУР и ШНСУ", supported.reduce(0) { $0 + $1.population },
                                                             supported.reduce(0) { $0 + $1.reached })]
            let counted = target?.russianActivities ?? eventKind.map(\.russian) ?? "все мероприятия и наставничество"
            try format.emit([ReportTable(
                title: "Охват за \(range.start.russian)–\(range.end.russian): \(counted)",
                columns: [Column("school_code", "Код ОО"), Column("school", "Школа"), Column("teachers", "Педагогических и руководящих работников"),
                          Column("reached", "Охвачено"), Column("share", "Охват"), Column("target", "Цель"), Column("met", "Достигнута")],
                rows: rows.map { row($0.code, $0.name, $0.population, $0.reached) } + [row("", "Муниципалитет", teachers, reached)]
                    + supportedRow)])
        }
    }
}
