import GRDB
import NastavnikCore

/// A risk profile as a school or the region hands it (`import risks`).
extension ImportSession {
    /// Writes one imported level; a file without the comment column keeps the stored notes.
    public func upsertRiskLevel(
        schoolID: Int64, year: Int, factor: RiskFactor, level: RiskLevel, note: String?
    ) throws -> UpsertOutcome {
        try RiskProfileWrite.write(
            db, schoolID: schoolID, year: year, factor: factor, level: level, source: .imported, reasons: [],
            note: note, keepNote: keptColumns.contains("note"))
    }
}
