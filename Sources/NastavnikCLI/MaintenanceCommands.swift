import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Резервная копия базы (онлайн-копирование SQLite: можно, пока другие работают).")

    @OptionGroup var copy: BackupFile
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let file = copy.file
        try await database.app().backup(to: file)
        Console.current.out("Резервная копия записана: \(file) (права 0600).\n")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Восстановить базу из копии: сначала проверка целостности и версии схемы; прежний файл сохраняется.")

    @OptionGroup var copy: BackupFile
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let file = copy.file
        let result = try await NastavnikApp.restore(from: file, to: database.path, actor: database.actor)
        var message = "База восстановлена из «\(file)»." + (result.kept.map { " Прежний файл сохранён: \($0)." } ?? "")
        if !result.erasedAgain.isEmpty {
            message +=
                " Сведения работников, удалённые ранее (staff forget), снова удалены: \(result.erasedAgain.joined(separator: ", "))"
                + " (реестр удалённых: \(NastavnikDatabase.erasureRegisterPath(for: database.path)))."
        }
        Console.current.out(message + "\n")
    }
}

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
