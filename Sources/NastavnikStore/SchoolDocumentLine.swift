import GRDB
import NastavnikCore

/// A school's development document (концепция развития, среднесрочная программа развития) as
/// recorded by `programmes document`.
public struct SchoolDocumentLine: Sendable, Equatable {
    public var schoolCode: String
    public var schoolName: String
    public var kind: SchoolDocumentKind
    public var title: String
    public var number: String?
    public var approvedOn: LocalDate
    /// The years the document covers («2025–2030»), when given.
    public var periodStart: Int?
    public var periodEnd: Int?

    public init(
        schoolCode: String, schoolName: String = "", kind: SchoolDocumentKind, title: String, number: String?,
        approvedOn: LocalDate, periodStart: Int?, periodEnd: Int?
    ) {
        (self.schoolCode, self.schoolName, self.kind, self.title, self.number) =
            (schoolCode, schoolName, kind, title, number)
        (self.approvedOn, self.periodStart, self.periodEnd) = (approvedOn, periodStart, periodEnd)
    }

    /// «2025–2030», or empty when no period was given.
    public var periodText: String {
        switch (periodStart, periodEnd) {
        case (let start?, let end?): start == end ? "\(start)" : "\(start)–\(end)"
        case (let start?, nil): "с \(start)"
        case (nil, let end?): "по \(end)"
        default: ""
        }
    }
}

extension SchoolDocumentLine: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            schoolCode: row["code"], schoolName: row["name"],
            kind: SchoolDocumentKind(rawValue: row["kind"]) ?? .programme, title: row["title"],
            number: row["number"], approvedOn: row.date("approved_on") ?? LocalDate(year: 2000, month: 1, day: 1)!,
            periodStart: row["period_start"], periodEnd: row["period_end"])
    }
}
