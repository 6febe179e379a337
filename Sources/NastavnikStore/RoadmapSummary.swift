import GRDB
import NastavnikCore

/// A roadmap as `roadmap list --roadmaps` shows it.
public struct RoadmapSummary: Sendable, Equatable {
    public var id: Int64
    public var key: String
    public var title: String
    public var periodStart: LocalDate?
    public var periodEnd: LocalDate?
    public var orderRef: String?
    public var activities: Int
}

extension RoadmapSummary: FetchableRecord {
    /// A row of `roadmap` (`id`, `roadmap_key`, `title`, `period_start`, `period_end`,
    /// `order_ref`) with its number of `activities`.
    public init(row: Row) throws {
        self.init(
            id: row["id"], key: row["roadmap_key"], title: row["title"], periodStart: row.date("period_start"),
            periodEnd: row.date("period_end"), orderRef: row["order_ref"], activities: row["activities"])
    }
}
