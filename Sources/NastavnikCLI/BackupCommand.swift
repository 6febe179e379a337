import ArgumentParser

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
