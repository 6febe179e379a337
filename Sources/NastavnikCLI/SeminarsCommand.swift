import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct SeminarsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seminars",
        abstract:
            "Семинары и мастер-классы для педагогов с общим дефицитом: группы, площадки, ведущие, даты, приглашения, посещаемость, охват.",
        subcommands: [Plan.self, Create.self, List.self, Invite.self, Attendance.self, Coverage.self]
    )

    /// The options of `seminars plan` and `seminars create`: what to plan, how to show it, the database.
    struct PlanOptions: ParsableArguments {
        @Option(name: .long, help: "Тема (дефицит), например «формирующее оценивание».")
        var topic: String

        @Option(name: .long, help: "С даты (ДД.ММ.ГГГГ); по умолчанию через две недели.")
        var from: LocalDate?

        @Option(name: .long, help: "По дату; по умолчанию через два месяца после начала.")
        var to: LocalDate?

        @Option(name: .long, help: "Участников в одной группе (по умолчанию 25).")
        var capacity: Int = 25

        @Option(
            name: .long,
            help:
                "Вид: \(EventKind.russianList). Методическое объединение приглашает всех педагогических и руководящих работников школ с НОР, ЗПР, ЗУР и ШНСУ (охват 80 %), остальные — педагогов с дефицитом в теме."
        )
        var kind: String = "семинар"

        @Option(name: .long, help: "Время начала.")
        var time: String = "14:00"

        @Option(name: .long, help: "Продолжительность, минут.")
        var minutes: Int = 90

        @Option(name: .long, help: "Мероприятие дорожной карты, которое выполняется (номер срока из roadmap list).")
        var activity: Int64?

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        /// What the options ask the planner for.
        var request: SeminarRequest {
            SeminarRequest(
                topic: topic, from: from, to: to, capacity: capacity, kind: kind, startTime: time, minutes: minutes,
                activity: activity)
        }

        /// Shows the proposed (or saved) sessions.
        func show(_ plan: SeminarPlan) throws {
            let (table, json) = SeminarReports.sessions(plan.sessions, topic: plan.topic)
            try output.emit([table], json: json)
        }
    }

    /// One entry point per action: `plan` proposes and writes nothing; `create` saves.
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Предложить группы, площадки, ведущих и даты; ничего не сохраняется (сохраняет seminars create).")
        @OptionGroup var options: PlanOptions

        func run() async throws {
            try options.show(try await options.database.app().planSeminars(options.request))
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Запланировать, как seminars plan, и сохранить как мероприятия с приглашёнными.")
        @OptionGroup var options: PlanOptions

        func run() async throws {
            let plan = try await options.database.app().createSeminars(options.request)
            Console.current.err(
                "Сохранено мероприятий: \(plan.eventIDs.count) (№ \(plan.eventIDs.map(String.init).joined(separator: ", "))).\n"
            )
            try options.show(plan)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Мероприятия.")
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try output.emit([SeminarReports.events(try await database.app().events())])
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Список приглашённых по школам и лист регистрации для печати.")
        @Argument(help: "Номер мероприятия.") var id: Int64
        @OptionGroup var output: OutputOptions<PrintFormat.Invitation>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let event = try await database.app().event(id)
            if output.chosen == .csv {
                try output.emit([SeminarReports.registrationSheet(event)])
            } else {
                try output.write(SeminarReports.invitation(event), defaultName: "event-\(id)", pageBreaks: true)
            }
        }
    }

    struct Attendance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attendance",
            abstract:
                "Отметить пришедших: из файла (столбец «Табельный номер», необязательный «Присутствовал» да/нет) или --present."
        )
        @Argument(help: "Номер мероприятия.") var id: Int64
        @Argument(
            help:
                "Файл с отметками (лист регистрации из seminars invite --format csv с заполненным столбцом «Присутствовал»)."
        ) var file: String?
        @Option(name: .long, parsing: .upToNextOption, help: "Табельные номера пришедших.") var present: [String] = []
        @Option(
            name: .long,
            help:
                "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня. Посещаемость мероприятия, которое ещё не прошло, не отмечается."
        ) var asOf: LocalDate?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let result = try await database.app().recordAttendance(
                event: id, present: present, sheet: file, asOf: asOf ?? .today())
            Console.current.out(
                "Отмечено присутствующих: \(result.present). Закрыто пунктов ИППР: \(result.closedItems).\n")
        }
    }

    struct Coverage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract:
                "Охват: доля педагогических и руководящих работников школы и муниципалитета, охваченных за период, против целевых: 30 % — мастер-классы, творческие лаборатории, консультации, семинары и вебинары, наставничество (вместе); 80 % — методические объединения."
        )
        @Option(name: .long, help: "Учебный год 2024/25 или период.") var period: String
        @Option(
            name: .long,
            help:
                "Вид мероприятия (\(EventKind.russianList)); вид с целевым охватом считается вместе со всеми видами своей строки дорожной карты."
        ) var kind: String?
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let coverage = try await database.app().seminarCoverage(period: period, kind: kind)
            try output.emit([
                SeminarReports.coverage(
                    coverage.lines, period: coverage.period, supportedCodes: coverage.supportedCodes,
                    target: coverage.target, kind: coverage.kind)
            ])
        }
    }
}
