import NastavnikCore
import NastavnikImport
import NastavnikStore

extension NastavnikApp {
    /// Imports (or, with `options.dryRun`, checks) one file of `kind` — told from its headers
    /// when nil — as one transaction: all of it or, on any error, nothing. A refused file is an
    /// outcome (`failed`), not an error; `progress` hears the start, the rows read so far and the outcome.
    public func importFile(
        kind: ImportKind?, path: String, options: ImportOptions,
        progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportOutcome {
        try importFileOnThisThread(kind: kind, path: path, options: options, progress: progress)
    }

    /// `importFile`, on the calling thread: a server runs a long import on a thread of its own
    /// rather than hold one of the few threads its requests are answered on.
    public func importFileOnThisThread(
        kind: ImportKind?, path: String, options: ImportOptions,
        progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) throws -> ImportOutcome {
        progress(.started(path: path, kind: kind))
        var options = options
        let rowsProgress = options.progress
        options.progress = { line in
            rowsProgress?(line)
            progress(.rows(path: path, kind: kind, line: line))
        }
        let outcome: ImportOutcome
        do {
            outcome = ImportOutcome(
                summary: try Importer(database: database).run(path: path, kind: kind, options: options), failed: false)
        } catch let failure as ImportFailure {
            outcome = ImportOutcome(summary: failure.summary, failed: true)
        }
        progress(.finished(path: path, kind: kind, outcome: outcome))
        return outcome
    }
}

extension NastavnikApp {
    /// The import log, newest first: `limit` files after the first `offset` (the web's pages), or
    /// all of them when `limit` is `nil` (a download of the log).
    public func importLog(offset: Int = 0, limit: Int?) async throws -> [ImportLogEntry] {
        try database.importLog(offset: offset, limit: limit)
    }

    /// How many files the import log lists.
    public func importLogCount() async throws -> Int { try database.importLogCount() }
}
