import GRDB
import NastavnikCore

/// An anti-risk programme's link to its risk factor (issue 21), written with its roadmap.
extension ImportSession {
    /// Links roadmap `roadmapID` to `factor` with the programme's `goal`; writes only what differs,
    /// so a re-imported programme changes nothing.
    @discardableResult
    public func linkProgramme(roadmapID: Int64, factor: RiskFactor, goal: String?) throws -> UpsertOutcome {
        let stored = try Row.fetchOne(
            db, sql: "SELECT factor, goal FROM risk_programme WHERE roadmap_id = ?", arguments: [roadmapID])
        if let stored {
            if (stored["factor"] as Int) == factor.rawValue, (stored["goal"] as String?) == goal { return .unchanged }
            try db.execute(
                sql: "UPDATE risk_programme SET factor = ?, goal = ? WHERE roadmap_id = ?",
                arguments: [factor.rawValue, goal, roadmapID])
            return .changed
        }
        try db.execute(
            sql: "INSERT INTO risk_programme (roadmap_id, factor, goal) VALUES (?, ?, ?)",
            arguments: [roadmapID, factor.rawValue, goal])
        return .added
    }

    /// The key of the programme roadmap of school `code` for `factor` (the programme import's
    /// default: one programme a school and factor, replaced by a re-import).
    public static func programmeKey(schoolCode code: String, factor: RiskFactor) -> String {
        "programme-\(code)-\(factor.rawValue)"
    }
}
