import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The log, oldest first: since a moment, about one person (by personnel number), or both.
    public func auditEntries(since: Date? = nil, staffID: String? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        try reader.read { db in
            let (condition, arguments) = Self.auditCondition(AuditFilter(from: since, staffID: staffID))
            var sql = Self.auditColumns + condition + " ORDER BY id"
            if let limit {
                // The newest `limit`, still oldest first.
                sql =
                    "SELECT * FROM (\(sql.replacingOccurrences(of: "ORDER BY id", with: "ORDER BY id DESC")) LIMIT \(max(0, limit))) ORDER BY id"
            }
            return try Self.auditEntries(db, sql: sql, arguments: arguments)
        }
    }

    /// One page of the entries `filter` keeps, newest first (the web's log): `limit` entries after
    /// the first `offset`; `nil` limit: all of them (a download of the filtered log).
    public func auditEntries(_ filter: AuditFilter, offset: Int = 0, limit: Int?) throws -> [AuditEntry] {
        try reader.read { db in
            var (condition, arguments) = Self.auditCondition(filter)
            let sql = Self.auditColumns + condition + " ORDER BY id DESC LIMIT :limit OFFSET :offset"
            arguments += ["limit": limit.map { max(0, $0) } ?? -1, "offset": max(0, offset)]
            return try Self.auditEntries(db, sql: sql, arguments: arguments)
        }
    }

    /// How many entries `filter` keeps.
    public func auditCount(_ filter: AuditFilter) throws -> Int {
        try reader.read { db in
            let (condition, arguments) = Self.auditCondition(filter)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log" + condition, arguments: arguments) ?? 0
        }
    }

    static let auditColumns = "SELECT id, at, actor, command, table_name, row_key, action, staff_key FROM audit_log"

    /// The SQL ` WHERE …` of `filter` (empty when it keeps everything), with its named arguments.
    static func auditCondition(_ filter: AuditFilter) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let from = filter.from {
            conditions.append("at >= :since")
            arguments += ["since": Self.auditTimestamp(from)]
        }
        if let until = filter.until {
            conditions.append("at < :until")
            arguments += ["until": Self.auditTimestamp(until)]
        }
        if let staffID = filter.staffID {
            // The person's own entries, and the bulk load that appended their row.
            conditions.append(
                """
                (staff_key = :person OR (action = 'bulk-insert' AND table_name = 'staff' AND (SELECT id FROM staff WHERE person_key = :person)
                    BETWEEN json_extract(new_values, '$.first_row_id') AND json_extract(new_values, '$.last_row_id')))
                """)
            arguments += ["person": "id:" + staffID]
        }
        if let actor = filter.actor, !actor.isEmpty {
            conditions.append("actor LIKE :actor ESCAPE '\\'")
            arguments += ["actor": "%" + Self.likeEscaped(actor) + "%"]
        }
        if let table = filter.table, !table.isEmpty {
            conditions.append("table_name = :table")
            arguments += ["table": table]
        }
        if let action = filter.action {
            conditions.append("action = :action")
            arguments += ["action": action.rawValue]
        }
        if let text = filter.text, !text.isEmpty {
            // The words anywhere in the entry: the record's key, the command, the values.
            conditions.append(
                """
                (row_key LIKE :text ESCAPE '\\' OR command LIKE :text ESCAPE '\\' OR actor LIKE :text ESCAPE '\\'
                    OR old_values LIKE :text ESCAPE '\\' OR new_values LIKE :text ESCAPE '\\')
                """)
            arguments += ["text": "%" + Self.likeEscaped(text) + "%"]
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    /// `text` for a LIKE pattern: its own `%`, `_` and `\` matched as themselves.
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// The entries `sql` selects, with their old and new values.
    private static func auditEntries(_ db: Database, sql: String, arguments: StatementArguments) throws
        -> [AuditEntry]
    {
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
