import GRDB
import NastavnikCore

public struct CampaignLine: Sendable, Equatable {
    public var id: Int64
    public var date: LocalDate
    public var instrument: String
    public var participants: Int
}

extension CampaignLine: FetchableRecord {
    /// A row with the campaign's `id`, `date`, `instrument` and its number of `participants`.
    public init(row: Row) throws {
        self.init(
            id: row["id"], date: row.date("date")!, instrument: row["instrument"], participants: row["participants"])
    }
}
