import GRDB

extension NastavnikDatabase {
    /// The version a form that edits the record made of `parts` is opened on (see `RecordVersion`).
    public func recordVersion(_ parts: [RecordVersion.Part]) throws -> RecordVersion {
        try reader.read { db in try RecordVersion.latest(db, parts) }
    }

    /// Runs `body` as one transaction after checking, inside it, that the record made of `parts`
    /// is still at `expectedVersion` (nil checks nothing); throws `StaleRecordError` and writes
    /// nothing otherwise. Each write a form makes goes through here or `checkedWrite`: its other
    /// refusals come out as `StoreError` (a busy database as `.busy`).
    func checkedWrite<T>(
        _ parts: [RecordVersion.Part], expectedVersion: Int64?, _ body: (Database) throws -> T
    ) throws -> T {
        try checkedWrite { db in
            try RecordVersion.check(db, parts, expected: expectedVersion)
            return try body(db)
        }
    }
}
