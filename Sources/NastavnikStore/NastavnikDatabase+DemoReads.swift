import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// Where a database's data came from: what `demo` needs to know before replacing it.
    public struct DataOrigin: Sendable, Equatable {
        /// Imports logged by anyone but the demo.
        public var foreignImports: Int
        /// Imports logged by the demo.
        public var demoImports: Int
        /// Schools stored, however they came.
        public var schools: Int
    }

    /// The imports by whom, and the schools: a database with imports by a person, or with
    /// schools and no demo import, holds working data.
    public func dataOrigin() throws -> DataOrigin {
        try writer.read { db in
            DataOrigin(foreignImports: try Int.fetchOne(db, sql: "SELECT count(*) FROM import_log WHERE imported_by IS NOT 'demo'") ?? 0,
                       demoImports: try Int.fetchOne(db, sql: "SELECT count(*) FROM import_log WHERE imported_by = 'demo'") ?? 0,
                       schools: try Int.fetchOne(db, sql: "SELECT count(*) FROM school") ?? 0)
        }
    }
}
