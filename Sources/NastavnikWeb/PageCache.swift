/// Overviews that read the whole database (the dashboard: a second on a country's million
/// people) kept until the data changes or the day turns: each is computed again only when the
/// database's change stamp or its key (which holds the date) is new.
actor PageCache {
    private var entries: [String: (stamp: Int64, value: any Sendable)] = [:]
    /// The most entries kept; when full, all are dropped (the next requests make them again).
    private let limit: Int

    /// A cache of at most `limit` entries (the dashboard's keys are few: a date, plain or
    /// pseudonymised; schools' cards are one a school).
    init(limit: Int = 64) {
        self.limit = limit
    }

    /// The value kept for `key` at `stamp`, else `make()`'s, then kept.
    func value<T: Sendable>(_ key: String, stamp: Int64, make: @Sendable () async throws -> T) async throws -> T {
        if let entry = entries[key], entry.stamp == stamp, let value = entry.value as? T { return value }
        let value = try await make()
        if entries.count >= limit { entries.removeAll() }
        entries[key] = (stamp, value)
        return value
    }
}
