import GRDB

/// Where a database's data came from, as `demo` asks before it replaces a file: the demo's own
/// imports, anyone else's, and whether there are schools at all.
public struct DataProvenance: Sendable, Equatable {
    /// Imports recorded by someone other than the demo (a person's file).
    public var foreignImports: Int
    /// Imports the demo recorded.
    public var demoImports: Int
    /// Schools stored, however they came.
    public var schools: Int

    /// Whether the file holds data that did not come from the demo (imported by a person, or
    /// entered otherwise), which the demo must not replace.
    public var hasWorkingData: Bool { foreignImports > 0 || (schools > 0 && demoImports == 0) }
}

extension NastavnikDatabase {
    /// What the file holds and who imported it.
    public func dataProvenance() throws -> DataProvenance {
        try reader.read { db in
            try DataProvenance(
                foreignImports: Int.fetchOne(db, sql: "SELECT count(*) FROM import_log WHERE imported_by IS NOT 'demo'")
                    ?? 0,
                demoImports: Int.fetchOne(db, sql: "SELECT count(*) FROM import_log WHERE imported_by = 'demo'") ?? 0,
                schools: Int.fetchOne(db, sql: "SELECT count(*) FROM school") ?? 0)
        }
    }
}
