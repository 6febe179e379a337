import Foundation

/// One line of the import log: a file imported (not a dry run, not a refused file), by whom and
/// when, its SHA-256 and what it did.
public struct ImportLogEntry: Sendable, Equatable {
    public var id: Int64
    /// The file's name, without its folders.
    public var fileName: String
    /// The file's SHA-256, in hex: the same file imported twice shows the same hash.
    public var sha256: String
    /// The import kind's raw value (`staff`, `schools`, …).
    public var kind: String
    /// When, as stored: ISO 8601 in UTC.
    public var importedAt: String
    /// Who: the CLI's user, the web user's name and login, `demo`.
    public var importedBy: String?
    public var added: Int
    public var changed: Int
    public var unchanged: Int
    public var warnings: Int

    /// When, as a date (`importedAt` read).
    public var at: Date? { ISO8601DateFormatter().date(from: importedAt) }
}
