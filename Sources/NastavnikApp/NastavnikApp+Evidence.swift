import Foundation
import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The largest evidence file accepted, in bytes (`EvidenceFileRule.sizeLimit`).
    public static var evidenceSizeLimit: Int { EvidenceFileRule.sizeLimit }

    /// The extensions a form's file field offers for evidence.
    public static var evidenceAccept: String { EvidenceFileKind.accept }

    /// The evidence file at `url` named `fileName`, read once its size is known to be within
    /// `EvidenceFileRule.sizeLimit`; `.failure` says in Russian, naming the file, why it cannot
    /// be evidence (too large, empty, not a PDF, DOCX, XLSX, JPG or PNG by its content).
    public static func evidenceAttachment(at url: URL, fileName: String) -> Result<EvidenceAttachment, AppError> {
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        // A file over the limit is refused before it is read into memory.
        if size > EvidenceFileRule.sizeLimit {
            return .failure(AppError(EvidenceFileRule.tooLarge(fileName: fileName, size: size)))
        }
        guard let data = try? Data(contentsOf: url) else {
            return .failure(AppError("Не удалось прочитать файл «\(fileName)»."))
        }
        let bytes = [UInt8](data)
        if case .failure(let problem) = EvidenceFileRule.check(fileName: fileName, bytes: bytes) {
            return .failure(AppError(problem.message))
        }
        return .success(EvidenceAttachment(fileName: fileName, bytes: bytes))
    }

    /// Attaches `file` to term `id` on its own (to its latest mark, if any), under `actor`'s
    /// name; with `expectedVersion`, a term marked since its form was opened is refused with
    /// `StaleRecordError`. Returns the file's number.
    public func attachEvidence(
        _ file: EvidenceAttachment, occurrence id: Int64, by actor: String, expectedVersion: Int64? = nil
    ) async throws -> Int64 {
        try database.attachEvidence(file, occurrence: id, by: actor, expectedVersion: expectedVersion)
    }

    /// The evidence files of term `id`, in the order attached.
    public func evidenceFiles(occurrence id: Int64) async throws -> [EvidenceFile] {
        try database.evidenceFiles(occurrence: id)
    }

    /// Evidence file `id` with its bytes and the school of its term (for a school's account,
    /// which sees only its own school's files); `StoreError.notFound` for an unknown number.
    public func evidenceFile(id: Int64) async throws -> (file: EvidenceFile, bytes: [UInt8], schoolCode: String?) {
        let (file, bytes) = try database.evidenceFileContent(id: id)
        let row = try await occurrence(id: file.occurrenceID, asOf: .today())
        return (file, bytes, row.schoolCode)
    }
}
