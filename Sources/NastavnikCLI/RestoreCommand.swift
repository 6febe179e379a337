import ArgumentParser
import NastavnikApp
import NastavnikStore

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
