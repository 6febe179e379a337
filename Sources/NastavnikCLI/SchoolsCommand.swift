import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports

struct SchoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools",
        abstract: "Школы: список, карточка, официальные статусы.",
        subcommands: [List.self, Show.self, Status.self, Classify.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Список школ со статусами и кураторами.")

        @Option(name: .long, help: "Только школы с этим статусом: НОР, ЗПР, ЗУР, ШНСУ, эффективная.") var status:
            String?
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            var filter: SchoolStatus?
            if let status {
                guard let value = SchoolStatus(russian: status) else {
                    throw UserError("Неизвестный статус «\(status)»: укажите НОР, ЗПР, ЗУР, ШНСУ или эффективная.")
                }
                filter = value
            }
            let schools = try await database.app().schools(status: filter)
            let table = SchoolTables.list(schools)
            try output.emit([table])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Карточка школы.")

        @Argument(help: "Код ОО.") var code: String
        @Flag(
            name: .customLong("full"),
            help:
                "Вся страница школы: история статуса, кадры по категориям и стажу, дефициты, планы, наставники, мероприятия."
        )
        var full = false
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let app = try database.app()
            if full {
                try output.emit(SchoolPageTables.card(try await app.schoolPage(code: code, asOf: asOf.date)))
            } else {
                try output.emit(SchoolTables.card(try await app.school(code: code, asOf: asOf.date)))
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Установить официальные статусы школы приказом управления (номер и дата приказа).",
            discussion: "Пустой --set снимает все статусы. Предложенные статусы (schools classify) не меняются.")

        @Argument(help: "Код ОО.") var code: String
        @Option(name: .long, help: "Статусы через запятую: НОР, ЗПР, ЗУР, ШНСУ, эффективная.") var set: String
        @Option(name: .customLong("order-number"), help: "Номер приказа.") var orderNumber: String
        @Option(name: .customLong("order-date"), help: "Дата приказа (ДД.ММ.ГГГГ).") var orderDate: LocalDate
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            var statuses: [SchoolStatus] = []
            for text in set.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
                guard let status = SchoolStatus(russian: text) else {
                    throw UserError(
                        "Неизвестный статус «\(text)» (--set): укажите НОР, ЗПР, ЗУР, ШНСУ или эффективная.")
                }
                statuses.append(status)
            }
            let app = try database.app()
            _ = try await app.school(code: code, asOf: .today())
            let old = try await app.setOfficialStatuses(
                schoolCode: code, statuses: statuses, orderNumber: orderNumber, orderDate: orderDate)
            let names = { (list: [SchoolStatus]) in
                list.isEmpty ? "без статуса" : list.sorted().map(\.russianShort).joined(separator: ", ")
            }
            Console.current.out(
                "Школа \(code): \(names(old)) → \(names(statuses)) ("
                    + OfficialStatusRule.orderText(number: orderNumber, date: orderDate) + ").\n")
        }
    }
}
