import Foundation
import NastavnikStore

extension NastavnikApp {
    /// The audit log: entries since `since`, about one worker, the last `limit`.
    public func auditEntries(since: Date?, staffID: String?, limit: Int?) async throws -> [AuditEntry] {
        try database.auditEntries(since: since, staffID: staffID, limit: limit)
    }
}

extension NastavnikApp {
    /// The entries `filter` keeps, newest first: `limit` of them after the first `offset` (the
    /// web's pages), or all of them when `limit` is `nil` (a download of what a page filters).
    public func auditEntries(_ filter: AuditFilter, offset: Int = 0, limit: Int?) async throws -> [AuditEntry] {
        try database.auditEntries(filter, offset: offset, limit: limit)
    }

    /// How many entries `filter` keeps.
    public func auditCount(_ filter: AuditFilter) async throws -> Int {
        try database.auditCount(filter)
    }
}
