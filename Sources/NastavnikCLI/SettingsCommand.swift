import ArgumentParser
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// `nastavnik settings`: the rules a department may change, with their defaults and sources.
struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Настройки правил: значения, значения по умолчанию и их источники.",
        discussion: "Без аргументов — список всех настроек. Настройки:\n"
            + Settings.all.map { "  \($0.id) — \($0.title) (по умолчанию \($0.defaultValue))" }.joined(separator: "\n"),
        subcommands: [List.self, Set.self, Reset.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Показать все настройки.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>

        func run() async throws {
            let values = try await database.app().settings()
            let table = ReportTable(
                title: "Настройки",
                columns: [
                    Column("key", "Ключ"), Column("title", "Настройка"), Column("value", "Значение"),
                    Column("default", "По умолчанию"), Column("source", "Источник"),
                ],
                rows: Settings.all.map { setting in
                    [
                        .text(setting.id), .text(setting.title), .text(values.display(setting)),
                        .text(setting.defaultValue), .text(setting.source),
                    ]
                })
            try output.emit([table])
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Изменить настройку.")

        @Argument(help: "Ключ настройки (см. `nastavnik settings list`).") var key: String
        @Argument(help: "Новое значение.") var value: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let setting = try SettingsCommand.setting(key)
            let values = try await database.app(.write).setSetting(setting, to: value)
            Console.current.out("«\(setting.title)»: \(values.display(setting)).\n")
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset", abstract: "Вернуть настройке значение по умолчанию.")

        @Argument(help: "Ключ настройки.") var key: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let setting = try SettingsCommand.setting(key)
            try await database.app().setSetting(setting, to: nil)
            Console.current.out("«\(setting.title)»: по умолчанию, \(setting.defaultValue).\n")
        }
    }

    static func setting(_ key: String) throws -> Setting {
        guard let setting = Settings.named(key.trimmingCharacters(in: .whitespaces)) else {
            throw UserError("Настройки «\(key)» нет. Есть: \(Settings.all.map(\.id).joined(separator: ", ")).")
        }
        return setting
    }
}
