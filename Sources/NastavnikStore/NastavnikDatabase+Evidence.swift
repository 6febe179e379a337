import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// Stores `file` for term `occurrence` (with status change `statusChange`, when given) in
    /// the current transaction; its content is checked again here (`EvidenceFileRule`), so no
    /// path can store a file the rule refuses. Returns the file's number.
    static func insertEvidence(
        _ db: Database, _ file: EvidenceAttachment, occurrence: Int64, statusChange: Int64?, by actor: String?
    ) throws -> Int64 {
        let kind: EvidenceFileKind
        switch EvidenceFileRule.check(fileName: file.fileName, bytes: file.bytes) {
        case .success(let found): kind = found
        case .failure(let problem): throw StoreError.invalid(problem.message)
        }
        try db.execute(
            sql: """
                INSERT INTO evidence_file (occurrence_id, status_change_id, file_name, content_type, size, sha256, content, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                occurrence, statusChange, file.fileName, kind.contentType, file.bytes.count,
                HexDigest.sha256(file.bytes), Data(file.bytes), ISO8601DateFormatter().string(from: Date()), actor,
            ])
        return db.lastInsertedRowID
    }

    /// Attaches `file` to term `id` on its own, to the term's latest status change when it has
    /// one. With `expectedVersion` (`occurrenceVersion` when the form was opened), a term marked
    /// since is refused with `StaleRecordError`. Returns the file's number.
    public func attachEvidence(
        _ file: EvidenceAttachment, occurrence id: Int64, by actor: String?, expectedVersion: Int64? = nil
    ) throws -> Int64 {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM activity_occurrence WHERE id = ?", arguments: [id]) != nil
            else { throw StoreError.notFound(what: "срок мероприятия №", key: String(id)) }
            let latest = try Self.latestStatusChange(db, occurrence: id)
            if let expectedVersion, (latest?.id ?? 0) != expectedVersion {
                throw StaleRecordError(by: latest?.by, at: latest?.at ?? "")
            }
            return try Self.insertEvidence(db, file, occurrence: id, statusChange: latest?.id, by: actor)
        }
    }

    /// The evidence files of term `id`, in the order attached.
    public func evidenceFiles(occurrence id: Int64) throws -> [EvidenceFile] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, occurrence_id, status_change_id, file_name, content_type, size, sha256, recorded_at, recorded_by
                    FROM evidence_file WHERE occurrence_id = ? ORDER BY id
                    """, arguments: [id]
            ).map(Self.evidenceFile)
        }
    }

    /// Evidence file `id` with its bytes; `StoreError.notFound` for an unknown number.
    public func evidenceFileContent(id: Int64) throws -> (file: EvidenceFile, bytes: [UInt8]) {
        try reader.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, occurrence_id, status_change_id, file_name, content_type, size, sha256, recorded_at, recorded_by, content
                        FROM evidence_file WHERE id = ?
                        """, arguments: [id])
            else { throw StoreError.notFound(what: "файл документа-основания №", key: String(id)) }
            let data: Data = row["content"]
            return (Self.evidenceFile(row), Array(data))
        }
    }

    private static func evidenceFile(_ row: Row) -> EvidenceFile {
        EvidenceFile(
            id: row["id"], occurrenceID: row["occurrence_id"], statusChangeID: row["status_change_id"],
            fileName: row["file_name"], contentType: row["content_type"], size: row["size"], sha256: row["sha256"],
            recordedAt: row["recorded_at"], recordedBy: row["recorded_by"])
    }
}
