/// A database suite whose fixture is imports alone: each test starts on a new database with the
/// suite's `files` imported, in order, with `importArguments`, as `CLISandbox(importing:)` does.
protocol ImportedDatabaseSuite: DatabaseSuite {
    /// The (kind, CSV text) files of the suite's database.
    static var files: [(String, String)] { get }
    /// What every import is given besides its file and the database.
    static var importArguments: [String] { get }

    init(sandbox: CLISandbox)
}

extension ImportedDatabaseSuite {
    static var importArguments: [String] { [] }

    init() async throws {
        self.init(sandbox: try await CLISandbox(importing: Self.files, Self.importArguments))
    }
}
