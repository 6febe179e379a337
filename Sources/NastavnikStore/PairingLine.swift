import GRDB
import NastavnikCore

/// A curator pairing seen from either side.
public struct PairingLine: Sendable, Equatable {
    public var schoolCode: String
    public var schoolName: String
    public var curatorSchoolCode: String
    public var curatorSchoolName: String
    public var curatorName: String?
    public var coordinator: String?
    public var since: LocalDate?
    public var orderRef: String?
}

extension PairingLine: FetchableRecord {
    /// A row with the columns `school_code`, `school_name`, `curator_school_code`,
    /// `curator_school_name`, `curator_name`, `coordinator`, `since` and `order_ref`.
    public init(row: Row) throws {
        self.init(
            schoolCode: row["school_code"], schoolName: row["school_name"],
            curatorSchoolCode: row["curator_school_code"],
            curatorSchoolName: row["curator_school_name"], curatorName: row["curator_name"],
            coordinator: row["coordinator"],
            since: row.date("since"), orderRef: row["order_ref"])
    }
}
