/// A problem found in a file: an error rejects the whole import, a warning does not.
public struct ImportIssue: Codable, Sendable, Equatable {
    /// The physical line the record starts on; the header is line 1; `nil` for the whole file.
    public var line: Int?
    /// The header as the file writes it.
    public var column: String?
    /// Where in a workbook: `Лист1!C12`, or `Лист1, строка 12` for a whole row; `nil` in a text file.
    public var cell: String?
    /// What is wrong, in Russian, ending with the offending value in parentheses.
    public var message: String

    public init(line: Int?, column: String?, message: String) {
        self.line = line
        self.column = column
        // A value of a megabyte does not belong in a message: its start and its size do.
        self.message =
            message.count > 400 ? String(message.prefix(300)) + "… (ещё \(message.count - 300) символов)" : message
    }

    /// `FILE:LINE: столбец «header»: what is wrong (the value)`; in a workbook
    /// `FILE:Лист1!C12: …`.
    public func formatted(file: String) -> String {
        var out = file
        if let cell {
            out += ":\(cell)"
        } else if let line {
            out += ":\(line)"
        }
        out += ": "
        if let column { out += "столбец «\(column)»: " }
        return out + message
    }

    enum CodingKeys: String, CodingKey { case line, column, cell, message }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // Explicit nulls keep the keys stable for scripts.
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        // Only a workbook's issues have a cell: a text file's output stays as it was.
        try c.encodeIfPresent(cell, forKey: .cell)
        try c.encode(message, forKey: .message)
    }
}
