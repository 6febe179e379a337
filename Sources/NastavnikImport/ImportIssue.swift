import Foundation

/// A problem found in a file: an error rejects the whole import, a warning does not.
public struct ImportIssue: Codable, Sendable, Equatable {
    /// The physical line the record starts on; the header is line 1; `nil` for the whole file.
    public var line: Int?
    /// The header as the file writes it.
    public var column: String?
    /// What is wrong, in Russian, ending with the offending value in parentheses.
    public var message: String

    public init(line: Int?, column: String?, message: String) {
        self.line = line
        self.column = column
        // A value of a megabyte does not belong in a message: its start and its size do.
        self.message =
            message.count > 400 ? String(message.prefix(300)) + "… (ещё \(message.count - 300) символов)" : message
    }

    /// `FILE:LINE: столбец «header»: what is wrong (the value)`.
    public func formatted(file: String) -> String {
        var out = file
        if let line { out += ":\(line)" }
        out += ": "
        if let column { out += "столбец «\(column)»: " }
        return out + message
    }

    enum CodingKeys: String, CodingKey { case line, column, message }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // Explicit nulls keep the keys stable for scripts.
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(message, forKey: .message)
    }
}

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
            && a.encoding == b.encoding && a.delimiter == b.delimiter && a.warnings == b.warnings
            && a.errors == b.errors
    }

    enum CodingKeys: String, CodingKey {
        case kind, file, added, changed, unchanged, warnings, errors
        case dryRun = "dry_run"
        case encoding, delimiter
    }
}

/// An error that stops an import before any row is read.
public struct ImportFailure: Error, LocalizedError {
    public let summary: ImportSummary
    public var errorDescription: String? {
        summary.errors.map { $0.formatted(file: summary.file) }.joined(separator: "\n")
    }
}
