/// A page of the staff list and how many people the query finds in all.
public struct StaffPage: Sendable, Equatable {
    public var rows: [StaffPageRow]
    /// Everyone the search and filters find, on every page.
    public var total: Int
    /// The page, from 1, and its size.
    public var page: Int
    public var pageSize: Int

    /// The number of pages the total fills (at least one, however empty).
    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
