import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// A school's status history, replayed from the audit log through its own index.
@Suite struct SchoolStatusHistoryTests {
    /// A v10 file gains the index; the statuses written since are the history, found through it.
    @Test func aV10DatabaseGainsTheIndexAndTheHistoryReadsThroughIt() throws {
        let db = try upgradedDatabase(from: "v10-accounts", sql: "")
        #expect(try db.appliedMigrations().contains("v11-audit-school-status"))
        try db.writer.write { db in
            try db.execute(sql: "INSERT INTO school (id, code, name) VALUES (2, 'S2', 'Другая')")
            try db.execute(
                sql: "INSERT INTO school_status (school_id, status) VALUES (1, 'lowResults'), (2, 'effective')")
            // A proposal is not an official status: not in the history.
            try db.execute(
                sql:
                    "INSERT INTO school_status (school_id, status, source, reason) VALUES (1, 'highRisk', 'proposed', 'ВПР')"
            )
        }
        let history = try db.statusHistory(schoolCode: "S1")
        #expect(history.map(\.added) == [[.lowResults]])
        #expect(history.first?.statuses == [.lowResults] && history.first?.removed == [])
        #expect(try db.statusHistory(schoolCode: "S2").map(\.statuses) == [[.effective]])
        #expect(try db.statusHistory(schoolCode: "S9").isEmpty)
        #expect(try db.proposedStatuses(schoolCode: "S1") == ([.highRisk], "ВПР"))
        let plan = try db.reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT at FROM audit_log WHERE table_name = 'school_status' AND row_key = '1' ORDER BY id
                    """
            ).map { $0["detail"] as String }.joined(separator: "\n")
        }
        // Either v11's index or v16's (by table and key, which SQLite now prefers) answers it
        // without a scan of the log.
        #expect(plan.contains("audit_log_school_status") || plan.contains("audit_log_record"), "\(plan)")
        #expect(!plan.contains("SCAN"), "\(plan)")
    }

    /// Two writes far apart by one actor are two changes; a delete after an insert begins a new one.
    @Test func aReplacementBeginsANewChange() throws {
        let db = try upgradedDatabase(from: "v11-audit-school-status", sql: "")
        try db.writer.write { db in
            try db.execute(sql: "INSERT INTO school_status (school_id, status) VALUES (1, 'lowResults')")
            try db.execute(sql: "DELETE FROM school_status WHERE school_id = 1")
            try db.execute(sql: "INSERT INTO school_status (school_id, status) VALUES (1, 'lowResults')")
            try db.execute(sql: "DELETE FROM school_status WHERE school_id = 1")
            try db.execute(
                sql: "INSERT INTO school_status (school_id, status) VALUES (1, 'highRisk'), (1, 'adverseSocial')")
        }
        let history = try db.statusHistory(schoolCode: "S1")
        // The second write put back what was there: no change.
        #expect(history.map(\.statuses) == [[.lowResults], [.highRisk, .adverseSocial]])
        #expect(history.last?.removed == [.lowResults])
        #expect(history.last?.added == [.highRisk, .adverseSocial])
    }
}
