import ArgumentParser

/// `roadmap import`, which issue 17 replaced with `import roadmap` (one entry point per action):
/// hidden, it only tells a user of the old spelling where the command is now, and writes nothing.
struct RoadmapImportMoved: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Перенесено: nastavnik import roadmap ФАЙЛ.",
        shouldDisplay: false)

    @Argument(parsing: .allUnrecognized, help: "Прежние аргументы команды.") var rest: [String] = []

    func run() throws {
        throw ValidationError(
            "Команды «roadmap import» больше нет: дорожная карта загружается командой nastavnik import roadmap ФАЙЛ (с теми же параметрами)."
        )
    }
}
