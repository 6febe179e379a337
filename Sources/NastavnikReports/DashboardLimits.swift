/// How much the dashboard lists: judgements with stated defaults, which a caller may change.
public struct DashboardLimits: Sendable, Equatable {
    /// The window of «the next 30 days» (issue 19's wording).
    public var days = 30
    /// The commonest deficits shown (5).
    public var deficits = 5
    /// The schools with the most workers overdue shown (5).
    public var schools = 5
    /// The overdue and coming terms listed (10 each; their counts are always whole).
    public var terms = 10

    public init(days: Int = 30, deficits: Int = 5, schools: Int = 5, terms: Int = 10) {
        (self.days, self.deficits, self.schools, self.terms) = (days, deficits, schools, terms)
    }
}
