/// One record of a delimited file and the physical line it starts on (the header is line 1).
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    public var line: Int

    /// True when every field is empty or blank: such rows are skipped.
    public var isBlank: Bool {
        fields.allSatisfy { field in
            // A printable ASCII first byte settles it without walking the field's characters
            // (this runs for every row of a file).
            if let first = field.utf8.first, first > 0x20, first < 0x80 { return false }
            return field.allSatisfy(\.isWhitespace)
        }
    }
}
