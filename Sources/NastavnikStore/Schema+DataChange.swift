import GRDB

extension Schema {
    /// v27 (issue 22): a counter of every change to the data, kept by triggers on every table, so
    /// that a push to the region can tell «nothing has changed since the last push» without
    /// building the snapshot again (which reads every table and plans three training orders); and
    /// the snapshot's SHA-256 and the data's version with each acknowledged push.
    ///
    /// Triggers, not the program's writes, keep the counter: a change made by any program (sqlite3,
    /// a restore's repair) is counted too. Not counted: what no snapshot is made of — the pushes
    /// themselves, the audit and import logs, accounts and sessions, the staff search's derived
    /// index, the migrations' table. A table a later migration adds gets the triggers there
    /// (`v27ChangeCounting`); a test checks that every table has them.
    static func v27DataChange(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE data_change (id INTEGER PRIMARY KEY CHECK (id = 1), counter INTEGER NOT NULL);
                INSERT INTO data_change (id, counter) VALUES (1, 0);
                ALTER TABLE region_push ADD COLUMN state_sha TEXT;
                ALTER TABLE region_push ADD COLUMN data_version TEXT;
                """)
        let uncounted: Set<String> = [
            "data_change", "region_push", "audit_log", "import_log", "user", "web_session", "grdb_migrations",
        ]
        for table in try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        where !uncounted.contains(table) && !table.hasPrefix("staff_search") {
            try db.execute(sql: v27ChangeCounting(table))
        }
    }

    /// The three triggers that count every insert, update and delete of `table` in `data_change`.
    static func v27ChangeCounting(_ table: String) -> String {
        ["INSERT", "UPDATE", "DELETE"].map { event in
            """
            CREATE TRIGGER data_change_\(table)_\(event.lowercased()) AFTER \(event) ON "\(table)"
            BEGIN UPDATE data_change SET counter = counter + 1; END;
            """
        }.joined(separator: "\n")
    }
}
