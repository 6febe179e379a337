import Foundation
import GRDB
import NastavnikCore

/// The one way a level of a risk profile is written, by an import, `risks set` and a saved
/// proposal alike: upserted by its natural key (school, year, factor), stamped with the
/// connection's actor and the time only when something changed, so that the same file twice
/// leaves everything unchanged.
enum RiskProfileWrite {
    static func write(
        _ db: Database, schoolID: Int64, year: Int, factor: RiskFactor, level: RiskLevel, source: RiskSource,
        reasons: [String], note: String?, keepNote: Bool = false
    ) throws -> UpsertOutcome {
        let existed =
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM risk_profile WHERE school_id = ? AND year = ? AND factor = ?",
                arguments: [schoolID, year, factor.rawValue]) ?? false
        var updated = ["level", "source", "reasons"]
        if !keepNote { updated.append("note") }
        let reasonsJSON = String(decoding: try JSONEncoder().encode(reasons), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO risk_profile (school_id, year, factor, level, source, reasons, note, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, \(AuditLog.now), (SELECT actor FROM temp.audit_context))
                ON CONFLICT (school_id, year, factor) DO UPDATE SET
                    \(updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")),
                    recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
                WHERE \(updated.map { "risk_profile.\($0) IS NOT excluded.\($0)" }.joined(separator: " OR "))
                """,
            arguments: [schoolID, year, factor.rawValue, level.rawValue, source.rawValue, reasonsJSON, note])
        if db.changesCount == 0 { return .unchanged }
        return existed ? .changed : .added
    }

    /// The stored source of a level, if there is one.
    static func source(_ db: Database, schoolID: Int64, year: Int, factor: RiskFactor) throws -> RiskSource? {
        try String.fetchOne(
            db, sql: "SELECT source FROM risk_profile WHERE school_id = ? AND year = ? AND factor = ?",
            arguments: [schoolID, year, factor.rawValue]
        ).flatMap(RiskSource.init(rawValue:))
    }
}
