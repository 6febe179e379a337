import ArgumentParser

/// `FILE`: the copy `backup` writes and `restore` reads.
struct BackupFile: ParsableArguments {
    @Argument(help: "Файл копии.") var file: String
}
