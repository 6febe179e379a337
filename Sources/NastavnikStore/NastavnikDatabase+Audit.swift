import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The log, oldest first: since a moment, about one person (by personnel number), or both.
    public func auditEntries(since: Date? = nil, staffID: String? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        try reader.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let since {
                conditions.append("at >= :since")
                arguments += ["since": Self.auditTimestamp(since)]
            }
            if let staffID {
                // The person's own entries, and the bulk load that appended their row.
                conditions.append(
                    """
                    (staff_key = :person OR (action = 'bulk-insert' AND table_name = 'staff' AND (SELECT id FROM staff WHERE person_key = :person)
                        BETWEEN json_extract(new_values, '$.first_row_id') AND json_extract(new_values, '$.last_row_id')))
                    """)
                arguments += ["person": "id:" + staffID]
            }
            // The values come in one query below.
            var sql = "SELECT id, at, actor, command, table_name, row_key, action, staff_key FROM audit_log"
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY id"
            if let limit {
                // The newest `limit`, still oldest first.
                sql =
                    "SELECT * FROM (\(sql.replacingOccurrences(of: "ORDER BY id", with: "ORDER BY id DESC")) LIMIT \(max(0, limit))) ORDER BY id"
            }
            var entries = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row -> AuditEntry in
                let staffKey: String? = row["staff_key"]
                return AuditEntry(
                    id: row["id"], timestamp: row["at"], actor: row["actor"], command: row["command"],
                    table: row["table_name"],
                    key: row["row_key"], action: AuditEntry.Action(rawValue: row["action"]) ?? .update, oldValues: [:],
                    newValues: [:],
                    staffID: staffKey.flatMap { $0.hasPrefix("id:") ? String($0.dropFirst(3)) : nil })
            }
            // The values of every entry in one query; SQLite's own reading of the JSON keeps
            // integers and reals apart.
            guard !entries.isEmpty else { return entries }
            let ids = "[" + entries.map { String($0.id) }.joined(separator: ",") + "]"
            let position = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) })
            let values = try Row.fetchCursor(
                db,
                sql: """
                    WITH chosen(id) AS (SELECT value FROM json_each(?1))
                    SELECT a.id, 0 AS new, j.key, j.value, j.type FROM chosen JOIN audit_log a ON a.id = chosen.id, json_each(a.old_values) j
                    UNION ALL
                    SELECT a.id, 1, j.key, j.value, j.type FROM chosen JOIN audit_log a ON a.id = chosen.id, json_each(a.new_values) j
                    """, arguments: [ids])
            while let row = try values.next() {
                guard let index = position[row["id"]] else { continue }
                let value: AuditValue =
                    switch row["type"] as String {
                    case "integer": .integer(row["value"])
                    case "real": .real(row["value"])
                    case "null": .null
                    default: .text(row["value"] as String? ?? "")
                    }
                if row["new"] as Int == 1 {
                    entries[index].newValues[row["key"]] = value
                } else {
                    entries[index].oldValues[row["key"]] = value
                }
            }
            return entries
        }
    }

    /// Erases a forgotten person's data from the log's values (within `forget`'s transaction).
    static func forgetInAudit(_ db: Database, personKey: String) throws {
        let paths = AuditLog.personalFields.map { "'$.\($0)'" }.joined(separator: ", ")
        // The command line may name the person or quote a note about them.
        try db.execute(
            sql: """
                UPDATE audit_log SET old_values = json_remove(old_values, \(paths)), new_values = json_remove(new_values, \(paths)),
                    command = NULL
                WHERE staff_key = ?
                """, arguments: [personKey])
    }

    static func auditTimestamp(_ date: Date) -> String {
        date.formatted(AuditEntry.timestampStyle)
    }
}
