import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The audited rows of `instrument`'s thresholds as the log names them («инструмент компетенция»).
    public static func thresholdParts(instrument: String) -> [RecordVersion.Part] {
        Competence.allCases.map {
            RecordVersion.Part(table: "competence_threshold", key: "\(instrument) \($0.rawValue)")
        }
    }

    /// The version a form that edits `instrument`'s thresholds is opened on.
    public func thresholdVersion(instrument: String) throws -> RecordVersion {
        try recordVersion(Self.thresholdParts(instrument: instrument))
    }

    /// `instrument`'s own thresholds (not the defaults it falls back to), with their scales.
    public func ownThresholds(instrument: String) throws -> [Competence: (threshold: Double, maxScore: Double?)] {
        try reader.read { db in
            var out: [Competence: (threshold: Double, maxScore: Double?)] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT competence, threshold, max_score FROM competence_threshold WHERE instrument = ?",
                arguments: [instrument])
            {
                if let c = Competence(rawValue: row["competence"]) { out[c] = (row["threshold"], row["max_score"]) }
            }
            return out
        }
    }

    /// Sets `instrument`'s thresholds and scales as given, in one transaction (a scale of nil is
    /// none); competences not in `values` are left as they are. `StaleRecordError` when
    /// `expectedVersion` is no longer the thresholds'.
    public func setThresholds(
        instrument: String, _ values: [Competence: (threshold: Double, maxScore: Double?)],
        expectedVersion: Int64? = nil
    ) throws {
        try checkedWrite(Self.thresholdParts(instrument: instrument), expectedVersion: expectedVersion) { db in
            for c in Competence.allCases {
                guard let value = values[c] else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO competence_threshold (instrument, competence, max_score, threshold) VALUES (?, ?, ?, ?)
                        ON CONFLICT(instrument, competence) DO UPDATE SET threshold = excluded.threshold, max_score = excluded.max_score
                        """, arguments: [instrument, c.rawValue, value.maxScore, value.threshold])
            }
        }
    }
}
