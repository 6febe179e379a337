/// A page of the staff search and how many people the query finds in all.
public struct StaffPage: Sendable, Equatable {
    public var rows: [StaffPageRow]
    /// Everyone the search and filters find, on every page — exactly when `totalIsExact`;
    /// otherwise at least this many (a count that would read most of a country's staff is not
    /// made: the page says «более N»).
    public var total: Int
    public var totalIsExact: Bool
    /// The page, from 1, and its size.
    public var page: Int
    public var pageSize: Int

    public init(rows: [StaffPageRow], total: Int, totalIsExact: Bool, page: Int, pageSize: Int) {
        self.rows = rows
        self.total = total
        self.totalIsExact = totalIsExact
        self.page = page
        self.pageSize = pageSize
    }

    /// The number of pages the total fills (at least one, however empty); with a total that is
    /// only a lower bound, the pages known so far.
    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }

    /// Whether a page follows this one.
    public var hasNextPage: Bool { total > page * pageSize }
}
