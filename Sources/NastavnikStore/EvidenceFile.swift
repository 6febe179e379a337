import NastavnikCore

/// An evidence file of a roadmap term as stored (v17), without its bytes
/// (`NastavnikDatabase.evidenceFileContent` reads them).
public struct EvidenceFile: Sendable, Equatable {
    public var id: Int64
    /// The term it belongs to.
    public var occurrenceID: Int64
    /// The status change it was attached with; `nil` for a file attached on its own.
    public var statusChangeID: Int64?
    public var fileName: String
    /// The type its content showed (`EvidenceFileKind.contentType`).
    public var contentType: String
    public var size: Int
    /// SHA-256 of the bytes, lower-case hex.
    public var sha256: String
    /// When it was attached (ISO 8601, UTC) and by whom.
    public var recordedAt: String
    public var recordedBy: String?

    public init(
        id: Int64, occurrenceID: Int64, statusChangeID: Int64?, fileName: String, contentType: String, size: Int,
        sha256: String, recordedAt: String, recordedBy: String?
    ) {
        (self.id, self.occurrenceID, self.statusChangeID) = (id, occurrenceID, statusChangeID)
        (self.fileName, self.contentType, self.size, self.sha256) = (fileName, contentType, size, sha256)
        (self.recordedAt, self.recordedBy) = (recordedAt, recordedBy)
    }
}
