import Foundation

/// What the region answers a push: the batch's id and its rows counted over all tables; a batch
/// the region already had answers with the receipt it stored then.
public struct RegionReceipt: Sendable, Equatable {
    /// One table's counts.
    public struct TableCounts: Sendable, Equatable {
        public var table: String
        public var added: Int
        public var changed: Int
        public var deleted: Int
        public var unchanged: Int

        public init(table: String, added: Int = 0, changed: Int = 0, deleted: Int = 0, unchanged: Int = 0) {
            self.table = table
            self.added = added
            self.changed = changed
            self.deleted = deleted
            self.unchanged = unchanged
        }
    }

    public var batch: String
    public var tables: [TableCounts]
    /// The region already had this batch: nothing was written, the stored receipt is returned.
    public var repeated: Bool
    /// Nothing was written because the push was a dry run.
    public var dryRun: Bool
    /// When the region recorded the batch.
    public var pushedAt: Date?
    /// The SHA-256 of the snapshot the batch carries.
    public var sha256: String?

    public init(
        batch: String, tables: [TableCounts], repeated: Bool = false, dryRun: Bool = false, pushedAt: Date? = nil,
        sha256: String? = nil
    ) {
        self.batch = batch
        self.tables = tables
        self.repeated = repeated
        self.dryRun = dryRun
        self.pushedAt = pushedAt
        self.sha256 = sha256
    }

    public var added: Int { tables.reduce(0) { $0 + $1.added } }
    public var changed: Int { tables.reduce(0) { $0 + $1.changed } }
    public var deleted: Int { tables.reduce(0) { $0 + $1.deleted } }
    public var unchanged: Int { tables.reduce(0) { $0 + $1.unchanged } }
}
