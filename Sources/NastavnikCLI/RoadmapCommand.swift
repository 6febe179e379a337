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
        subcommands: [
            List.self, Mark.self, Attach.self, History.self, Calendar.self, QuarterReport.self, RoadmapImportMoved.self,
        ]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
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
                try output.emit([RoadmapTables.roadmaps(list)])
                return
            }
            let filter = OccurrenceFilter(
                roadmap: roadmap, dueWithinDays: dueWithin, overdueOnly: overdue, responsible: responsible)
            let rows = try await app.occurrences(filter, asOf: asOf.date)
            if output.chosen == .json {
                try output.writeJSON(RoadmapTables.occurrencesJSON(rows))
                return
            }
            try output.emit([RoadmapTables.occurrences(rows, title: "")])
        }
    }

    struct Mark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark",
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
        @Option(
            name: .long,
            help: "Файл документа-основания (PDF, DOCX, XLSX, JPG или PNG до 20 МБ); хранится в базе данных.")
        var file: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let value = OccurrenceStatus.markable(status) else {
                throw UserError(OccurrenceStatus.unknownMarkStatus(status))
            }
            let attachment = try file.map(Attach.attachment)
            let old = try await database.app().markOccurrence(
                id: id, status: value, date: date ?? .today(), evidence: evidence,
                note: note, by: database.actorName, file: attachment)
            Console.current.out(
                "Срок № \(id): «\(old.russian)» → «\(value.russian)»" + (evidence.map { ", основание: \($0)" } ?? "")
                    + (attachment.map { ", файл «\($0.fileName)»" } ?? "") + ".\n")
        }
    }

    struct Attach: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attach",
            abstract: "Приложить файл документа-основания к сроку мероприятия (к его последней отметке).",
            discussion: "PDF, DOCX, XLSX, JPG или PNG до 20 МБ; тип проверяется по содержимому файла.")

        @Argument(help: "Номер срока (первый столбец roadmap list).") var id: Int64
        @Argument(help: "Файл документа.") var file: String
        @OptionGroup var database: DatabaseOptions

        /// The file at `path` as evidence, or the rule's refusal naming it.
        static func attachment(_ path: String) throws -> EvidenceAttachment {
            let url = URL(fileURLWithPath: path)
            guard FileManager.default.fileExists(atPath: path) else { throw UserError("Файл «\(path)» не найден.") }
            switch NastavnikApp.evidenceAttachment(at: url, fileName: url.lastPathComponent) {
            case .success(let attachment): return attachment
            case .failure(let error): throw UserError(error.message)
            }
        }

        func run() async throws {
            let attachment = try Self.attachment(file)
            let number = try await database.app().attachEvidence(attachment, occurrence: id, by: database.actorName)
            Console.current.out(
                "Срок № \(id): приложен файл «\(attachment.fileName)» (№ \(number), \(attachment.bytes.count) байт).\n")
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: "История статусов срока мероприятия.")

        @Argument(help: "Номер срока.") var id: Int64
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let history = try await database.app().occurrenceHistory(id: id)
            try output.emit([RoadmapTables.history(history)])
        }
    }

    struct Calendar: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar",
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
