import ArgumentParser
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// `nastavnik settings`: the rules a department may change, with their defaults and sources.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Настройки правил: значения, значения по умолчанию и их источники.",
        discussion: "Без аргументов — список всех настроек. Настройки:\n"
            + Settings.all.map { "  \($0.id) — \($0.title) (по умолчанию \($0.defaultValue))" }.joined(separator: "\n"),
        subcommands: [List.self, Set.self, Reset.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Показать все настройки.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            let values = try database.open().settings()
            let table = ReportTable(
                title: "Настройки",
                columns: [Column("key", "Ключ"), Column("title", "Настройка"), Column("value", "Значение"),
                          Column("default", "По умолчанию"), Column("source", "Источник")],
                rows: Settings.all.map { setting in
                    [.text(setting.id), .text(setting.title), .text(values.display(setting)), .text(setting.defaultValue), .text(setting.source)]
                })
            try output.emit([table])
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Изменить настройку.")

        @Argument(help: "Ключ настройки (см. `nastavnik settings list`).")
        var key: String

        @Argument(help: "Новое значение.")
        var value: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let setting = try SettingsCommand.setting(key)
            let db = try database.open(.write)
            do { try db.setSetting(setting, value) } catch let error as StoreError { throw UserError(error.errorDescription ?? "\(error)") }
            Console.current.out("«\(setting.title)»: \(try db.settings().display(setting)).\n")
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: "Вернуть настройке значение по умолчанию.")

        @Argument(help: "Ключ настройки.")
        var key: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let setting = try SettingsCommand.setting(key)
            try database.open().setSetting(setting, nil)
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
