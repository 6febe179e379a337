/// A defect the reader found in a field but read past, so that every problem is reported.
public struct CSVFieldIssue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Bytes that are not UTF-8 in a file read as UTF-8 (a mixed-encoding file).
        case invalidUTF8
        /// A NUL byte: a binary file, or one saved as UTF-16.
        case nulByte
    }
    public var kind: Kind
    public var line: Int
    /// Zero-based index of the field in its record.
    public var field: Int
}
