import GRDB
import Testing

@testable import NastavnikStore

/// Column positions found once answer as GRDB's look-up by name does: the leftmost of a name.
@Suite struct RowColumnsTests {
    @Test func positionsAreTheLeftmostOfEachName() throws {
        let queue = try DatabaseQueue()
        let row = try queue.read { db in try Row.fetchOne(db, sql: "SELECT 1 AS a, 2 AS b, 3 AS a, NULL AS c") }
        let c = RowColumns(row)
        #expect(c("a") == 0 && c("b") == 1 && c("c") == 3)
        let first = try #require(row)
        #expect(first[c("a")] as Int == first["a"] as Int)
        #expect((first[c("c")] as String?) == nil)
    }
}
