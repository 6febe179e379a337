import ArgumentParser

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Проверка базы: целостность, внешние ключи, версия схемы, права на файл, осиротевшие записи.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let checks = try await database.app().doctor()
        var out = "Проверка базы «\(database.path)»:\n"
        for c in checks { out += "  \(c.ok ? "✓" : "✗") \(c.name): \(c.detail)\n" }
        let failed = checks.filter { !$0.ok }.count
        out += failed == 0 ? "Всё в порядке.\n" : "Найдено проблем: \(failed).\n"
        Console.current.out(out)
        if failed > 0 { throw ExitCode(1) }
    }
}
