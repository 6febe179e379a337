import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// What several store suites ask of a database under test.
extension NastavnikDatabase {
    /// The indexes of the staff table the schema made (not SQLite's automatic ones), by name.
    func staffIndexNames() throws -> [String] {
        try reader.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'staff' AND sql IS NOT NULL ORDER BY name"
            )
        }
    }

    /// Writes a school in an import transaction that fails, then one in a transaction that asks
    /// not to commit: neither may leave anything behind.
    func writeSchoolsAndRollBack(sourceLocation: SourceLocation = #_sourceLocation) throws {
        struct Refused: Error {}
        #expect(throws: Refused.self, sourceLocation: sourceLocation) {
            try importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
                _ = try session.upsertSchool(School(code: "S1", name: "Школа"))
                throw Refused()
            }
        }
        try importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            _ = try session.upsertSchool(School(code: "S2", name: "Школа"))
            return (false, ())
        }
    }
}
