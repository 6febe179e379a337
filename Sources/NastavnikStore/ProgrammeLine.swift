import GRDB
import NastavnikCore

/// An anti-risk programme as the listings show it: its roadmap, school, factor and goal, and
/// its number of measures.
public struct ProgrammeLine: Sendable, Equatable {
    public var roadmapID: Int64
    public var key: String
    public var title: String
    public var schoolCode: String
    public var schoolName: String
    public var factor: RiskFactor
    public var goal: String?
    public var periodStart: LocalDate?
    public var periodEnd: LocalDate?
    public var measures: Int
}

extension ProgrammeLine: FetchableRecord {
    /// A row of `roadmap` joined with `risk_programme` and `school`, with its count of `measures`.
    public init(row: Row) throws {
        self.init(
            roadmapID: row["roadmap_id"], key: row["roadmap_key"], title: row["title"], schoolCode: row["code"],
            schoolName: row["name"], factor: RiskFactor(rawValue: row["factor"]) ?? .materialResources,
            goal: row["goal"], periodStart: row.date("period_start"), periodEnd: row.date("period_end"),
            measures: row["measures"])
    }
}
