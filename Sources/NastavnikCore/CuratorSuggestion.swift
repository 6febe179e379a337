/// A supported school's suggested curator, or the reason there is none.
public struct CuratorSuggestion: Sendable, Equatable {
    public var school: MatchSchool
    public var curator: MatchSchool?
    public var cost: PairCost?
    /// Why this curator (the cost's terms), or why none.
    public var reason: String
}
