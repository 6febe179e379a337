import ArgumentParser
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// `nastavnik municipality`: the database's permanent identity for the region (issue 22).
struct MunicipalityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "municipality",
        abstract: "Идентичность муниципальной базы для региона: UUID, код ОКТМО и наименование.",
        discussion: """
            Задаётся один раз (nastavnik municipality set --oktmo … --name …): по ней регион узнаёт данные \
            муниципалитета, а строки переходят в региональную базу по естественным ключам (код ОО, табельный \
            номер, СНИЛС, код программы).
            """,
        subcommands: [Show.self, SetIdentity.self],
        defaultSubcommand: Show.self
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Показать идентичность базы (UUID, ОКТМО, наименование).")

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let identity = try await database.app().municipality() else {
                throw UserError(
                    "Идентичность муниципалитета не задана: nastavnik municipality set --oktmo КОД --name «Наименование»."
                )
            }
            try output.emitCard(MunicipalityCommand.fields(identity), title: "Муниципалитет")
        }
    }

    struct SetIdentity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Задать код ОКТМО и наименование муниципалитета (один раз; UUID создаётся при этом).")

        @Option(name: .long, help: "Код ОКТМО: 8 цифр (муниципальное образование) или 11 (населённый пункт).")
        var oktmo: String
        @Option(name: .long, help: "Наименование муниципального образования.") var name: String
        @Flag(name: .long, help: "Исправить уже заданное наименование (код ОКТМО не меняется).")
        var correctName = false
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let (identity, outcome) = try await database.app(.write).setMunicipality(
                oktmo: oktmo, name: name, correctName: correctName)
            if output.chosen == .json {
                try output.emitCard(MunicipalityCommand.fields(identity))
                return
            }
            let said =
                switch outcome {
                case .added: "Идентичность муниципалитета задана"
                case .changed: "Наименование муниципалитета исправлено"
                case .unchanged: "Идентичность муниципалитета уже такая"
                }
            Console.current.out("\(said): \(identity.name), ОКТМО \(identity.oktmo), UUID \(identity.id).\n")
        }
    }

    static func fields(_ identity: MunicipalityIdentity) -> [(String, String, Cell)] {
        [
            ("id", "UUID", .text(identity.id)), ("oktmo", "Код ОКТМО", .text(identity.oktmo)),
            ("name", "Наименование", .text(identity.name)),
        ]
    }
}
