import ArgumentParser
import NastavnikApp
import NastavnikCore
import NastavnikReports

struct SchoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools",
        abstract: "Школы: список и карточка.",
        subcommands: [List.self, Show.self, Classify.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Список школ со статусами и кураторами.")

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
        static let configuration = CommandConfiguration(abstract: "Карточка школы.")

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
}
