/// The outcome of one import, printed as a table or as one JSON object.
public struct ImportSummary: Codable, Sendable, Equatable {
    public var kind: String
    public var file: String
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    public var warnings: [ImportIssue] = []
    public var errors: [ImportIssue] = []
    public var dryRun = false
    public var encoding: String?
    public var delimiter: String?
    /// The sheet read, for a workbook.
    public var sheet: String?
    /// Rows checked straight from their bytes (`RowMapper.handleRaw`); not reported.
    var rowsReadAsBytes = 0

    public init(kind: String, file: String) {
        self.kind = kind
        self.file = file
    }

    public var succeeded: Bool { errors.isEmpty }

    /// Equal when everything reported is; how rows were read is not.
    public static func == (a: ImportSummary, b: ImportSummary) -> Bool {
        (a.kind, a.file, a.added, a.changed, a.unchanged, a.dryRun) == (
            b.kind, b.file, b.added, b.changed, b.unchanged, b.dryRun
        )
            && a.encoding == b.encoding && a.delimiter == b.delimiter && a.sheet == b.sheet && a.warnings == b.warnings
            && a.errors == b.errors
    }

    enum CodingKeys: String, CodingKey {
        case kind, file, added, changed, unchanged, warnings, errors
        case dryRun = "dry_run"
        case encoding, delimiter, sheet
    }
}
