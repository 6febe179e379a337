import GRDB
import NastavnikCore

public struct TrainingLine: Sendable, Equatable {
    public var courseCode: String?
    public var title: String
    public var provider: String
    public var hours: Double?
    public var start: LocalDate?
    public var end: LocalDate?
    public var status: TrainingStatus
    public var certificate: String?
    public var external: Bool
}

extension TrainingLine: FetchableRecord {
    /// A row with the course's `code`, `title`, `provider` and `external`, and the training's
    /// `hours`, `start_date`, `end_date`, `status` and `certificate`.
    public init(row: Row) throws {
        self.init(
            courseCode: row["code"], title: row["title"], provider: row["provider"], hours: row["hours"],
            start: row.date("start_date"), end: row.date("end_date"),
            status: TrainingStatus(rawValue: row["status"]) ?? .completed, certificate: row["certificate"],
            external: row["external"])
    }
}
