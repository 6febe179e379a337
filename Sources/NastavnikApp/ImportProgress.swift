import NastavnikImport

/// What an import reports while it runs: a front end shows a file starting, how far it has got, and its outcome
/// (the warnings, or the errors of a refused file) as each file of a batch completes.
public enum ImportProgress: Sendable, Equatable {
    /// The file is being read, checked and written.
    case started(path: String, kind: ImportKind?)
    /// The rows up to the file's line `line` have been read (every `ImportOptions.progressEvery`
    /// rows, and once after the last).
    case rows(path: String, kind: ImportKind?, line: Int)
    /// The file is done: imported, checked (a dry run) or refused.
    case finished(path: String, kind: ImportKind?, outcome: ImportOutcome)
}
