import Foundation
import NastavnikStore

extension NastavnikApp {
    /// The audit log: entries since `since`, about one worker, the last `limit`.
    public func auditEntries(since: Date?, staffID: String?, limit: Int?) async throws -> [AuditEntry] {
        try database.auditEntries(since: since, staffID: staffID, limit: limit)
    }
}
