import Foundation
import GRDB

/// How the audit triggers are made.
///
/// The log is written by SQLite itself, so no write path can forget it: each writing
/// connection gets TEMP triggers on every table of the schema, which read the actor and the
/// command from a TEMP table of that connection. TEMP triggers are the connection's own: the
/// user is known without an application-defined SQL function, so the file stays usable from
/// the sqlite3 shell (whose changes are not Nastavnik's, and are not recorded).
enum AuditLog {
    /// Tables that are not the domain's.
    /// The web sessions are not: a session's row changes on every request, and its id is a secret.
    /// The staff search's tables are a copy made from `staff` (`NastavnikDatabase.refreshStaffSearch`):
    /// logging a million rows of a copy would say nothing. The data version's counter (v27) moves
    /// by triggers with every change, which the log records itself.
    static let skipped: Set<String> = [
        "audit_log", "grdb_migrations", "web_session", "staff_search_state", "staff_search", "staff_search_word",
        "staff_search_deficit", "staff_search_school", "staff_search_due", "staff_search_word_count", "data_change",
    ]
    /// Columns kept by triggers from other rows: their changes are consequences, not changes.
    static let derivedColumns: [String: Set<String>] = ["staff": ["last_training_end"]]
    /// Columns that hold a person's data, erased from the log by `staff forget` (the
    /// pseudonymized view of the log hides them too, with directors', curators' and
    /// coordinators' names).
    static let personalFields = [
        "full_name", "birth_date", "email", "phone", "note", "name", "person_key", "observer",
        "responsible", "recorded_by", "evidence", "description", "snils",
    ]

    /// Columns the log keeps masked, as SQL over the value (`%`): a СНИЛС with all but its last
    /// four digits hidden (`SNILS.masked`), enough to tell two numbers apart when reading the
    /// log, not enough to be one.
    static let maskedColumns: [String: [String: String]] = [
        "staff": ["snils": "'***-***-*' || substr(%, 10)"],
        // A password's hash is never logged: the log says that it changed, not to what.
        "user": ["password_hash": "'***'"],
        // An evidence file's bytes are not logged (JSON holds no BLOB, and a backup holds the
        // file): the log keeps its size, beside its name and SHA-256.
        "evidence_file": ["content": "length(%)"],
    ]

    /// The readable key of a row; `%` stands for `NEW.` or `OLD.`.
    static let naturalKeys: [String: String] = [
        "municipality": "%oktmo",
        "region_push": "%batch",
        "school": "%code",
        "staff": "coalesce(%staff_id, %full_name)",
        "course": "coalesce(%code, %title)",
        "training": "%training_key",
        "roadmap": "%roadmap_key",
        "setting": "%key",
        "user": "%login",
        "position_kind_override": "%title",
        "import_log": "%file_name",
        "diagnostic_campaign": "%date || ' ' || %instrument",
        "competence_threshold": "%instrument || ' ' || %competence",
        "target_indicator": "%code",
        "target_indicator_baseline": "%code",
        "target_indicator_target": "%code || ' ' || %year",
        "target_indicator_actual": "%code || ' ' || %year",
        "risk_profile": "(SELECT code FROM school WHERE id = %school_id) || ' ' || %year || ' фактор ' || %factor",
    ]

    /// The person a row concerns, as `staff.person_key`; `%` as above. A mentorship concerns
    /// the mentee (whose development it serves); its meetings and a plan's items concern the
    /// person of their parent row.
    static func staffKey(table: String, columns: [String]) -> String? {
        let person = { (id: String) in "(SELECT person_key FROM staff WHERE id = \(id))" }
        switch table {
        case "staff": return "%person_key"
        case "mentoring_meeting": return person("(SELECT mentee_id FROM mentorship WHERE id = %mentorship_id)")
        case "plan_item": return person("(SELECT staff_id FROM development_plan WHERE id = %plan_id)")
        default: break
        }
        for column in ["staff_id", "mentee_id"] where columns.contains(column) {
            return person("%\(column)")
        }
        return nil
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// The TEMP triggers of one table.
    static func triggers(table: String, columns: [String], hasRowID: Bool) -> [(name: String, sql: String)] {
        let audited = columns.filter { !(derivedColumns[table]?.contains($0) ?? false) }
        guard !audited.isEmpty else { return [] }
        // A column's value as the log keeps it (masked where `maskedColumns` says).
        func value(_ row: String, _ column: String) -> String {
            let plain = "\(row).\(quoted(column))"
            return maskedColumns[table]?[column]?.replacingOccurrences(of: "%", with: plain) ?? plain
        }
        func object(_ row: String) -> String {
            "json_object(" + audited.map { "\(literal($0)), \(value(row, $0))" }.joined(separator: ", ") + ")"
        }
        func key(_ row: String) -> String {
            if let expression = naturalKeys[table] { return expression.replacingOccurrences(of: "%", with: "\(row).") }
            if hasRowID { return "'№ ' || \(row).rowid" }
            return "\(row).\(quoted(columns[0]))"
        }
        func person(_ row: String) -> String {
            staffKey(table: table, columns: columns)?.replacingOccurrences(of: "%", with: "\(row).") ?? "NULL"
        }
        // `d`: whether the value changed, compared before masking.
        let pairs = audited.map {
            "SELECT \(literal($0)) AS k, \(value("OLD", $0)) AS o, \(value("NEW", $0)) AS n, OLD.\(quoted($0)) IS NOT NEW.\(quoted($0)) AS d"
        }.joined(separator: " UNION ALL ")
        let changed = audited.map { "OLD.\(quoted($0)) IS NOT NEW.\(quoted($0))" }.joined(separator: " OR ")
        let insert =
            "INSERT INTO audit_log (at, actor, command, table_name, row_key, action, old_values, new_values, staff_key)"
        let target = "main.\(quoted(table))"
        return [
            (
                name: "audit_\(table)_insert",
                sql: """
                CREATE TEMP TRIGGER \(quoted("audit_\(table)_insert")) AFTER INSERT ON \(target)
                BEGIN
                \(insert) SELECT \(now), actor, command, \(literal(table)), \(key("NEW")), 'insert', NULL, \(object("NEW")), \(person("NEW")) FROM audit_context;
                END
                """
            ),
            (
                name: "audit_\(table)_update",
                sql: """
                CREATE TEMP TRIGGER \(quoted("audit_\(table)_update")) AFTER UPDATE ON \(target)
                WHEN \(changed) BEGIN
                \(insert) SELECT \(now), actor, command, \(literal(table)), \(key("NEW")), 'update',
                    (SELECT json_group_object(k, o) FROM (\(pairs)) WHERE d),
                    (SELECT json_group_object(k, n) FROM (\(pairs)) WHERE d),
                    \(person("NEW")) FROM audit_context;
                END
                """
            ),
            (
                name: "audit_\(table)_delete",
                sql: """
                CREATE TEMP TRIGGER \(quoted("audit_\(table)_delete")) AFTER DELETE ON \(target)
                BEGIN
                \(insert) SELECT \(now), actor, command, \(literal(table)), \(key("OLD")), 'delete', \(object("OLD")), NULL, \(person("OLD")) FROM audit_context;
                END
                """
            ),
        ]
    }

    /// The current moment as the log stores it (ISO 8601, UTC, milliseconds), in SQL.
    static let now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

    /// Installs the actor and the triggers on a new writing connection.
    static func install(_ db: Database, actor: AuditActor) throws {
        try db.execute(sql: "CREATE TEMP TABLE audit_context (actor TEXT NOT NULL, command TEXT)")
        try db.execute(
            sql: "INSERT INTO audit_context (actor, command) VALUES (?, ?)", arguments: [actor.name, actor.command])
        // One read of the schema, one batch of statements: this runs for every command.
        let sql = try tableColumns(db).flatMap { triggers(table: $0.table, columns: $0.columns, hasRowID: $0.hasRowID) }
            .map(\.sql).joined(separator: ";\n")
        try db.execute(sql: sql)
    }

    /// Runs `body` inside the current write transaction with `actor` in the connection's
    /// `audit_context`, then puts the connection's own actor back. The writer is one serialized
    /// connection and this all happens in one transaction, so two users' changes never take each
    /// other's names; a failure rolls the TEMP table back with the rest.
    static func acting<T>(as actor: AuditActor, _ db: Database, _ body: () throws -> T) throws -> T {
        let saved = try Row.fetchOne(db, sql: "SELECT actor, command FROM temp.audit_context")
        try db.execute(
            sql: "UPDATE temp.audit_context SET actor = ?, command = ?", arguments: [actor.name, actor.command])
        let result = try body()
        if let saved {
            try db.execute(
                sql: "UPDATE temp.audit_context SET actor = ?, command = ?",
                arguments: [saved["actor"] as String, saved["command"] as String?])
        }
        return result
    }

    /// The audited tables with their columns.
    private static func tableColumns(_ db: Database) throws -> [(table: String, columns: [String], hasRowID: Bool)] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT m.name AS name, m.sql AS sql, p.name AS column
                FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                ORDER BY m.name, p.cid
                """)
        var tables: [(table: String, columns: [String], hasRowID: Bool)] = []
        for row in rows {
            let name: String = row["name"]
            guard !skipped.contains(name) else { continue }
            if tables.last?.table != name {
                tables.append((name, [], !Schema.isWithoutRowID(row["sql"])))
            }
            tables[tables.count - 1].columns.append(row["column"])
        }
        return tables
    }

    /// Records one entry written by Nastavnik itself rather than by a trigger (a bulk load, a
    /// restore), as the connection's actor.
    static func record(
        _ db: Database, table: String, key: String, action: AuditEntry.Action,
        values: [(String, (any DatabaseValueConvertible)?)]
    ) throws {
        let object = "json_object(" + values.map { "\(literal($0.0)), ?" }.joined(separator: ", ") + ")"
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, actor, command, table_name, row_key, action, new_values)
                SELECT \(now), actor, command, ?, ?, ?, \(object) FROM audit_context
                """, arguments: StatementArguments([table, key, action.rawValue] + values.map(\.1)))
    }
}
