import Foundation
import PostgresNIO

extension RegionDatabase {
    /// Creates the regional schema or brings it up to date, in one transaction under a lock (two
    /// `region init` at once apply each migration once); returns the migrations applied now.
    public func initialize() async throws -> [String] {
        try await withConnection { connection in
            try await Self.inTransaction(connection) {
                try await Self.run(connection, "SELECT pg_advisory_xact_lock(\(Self.schemaLock))")
                for statement in RegionSchema.bootstrap { try await Self.run(connection, statement) }
                let applied = try await Self.appliedMigrations(connection)
                var now: [String] = []
                for migration in RegionSchema.migrations where !applied.contains(migration.name) {
                    for statement in migration.statements { try await Self.run(connection, statement) }
                    try await connection.query(
                        "INSERT INTO nastavnik.region_migration (name) VALUES (\(migration.name))", logger: Self.logger)
                    now.append(migration.name)
                }
                return now
            }
        }
    }

    // The advisory lock of the schema's migrations (any constant of ours).
    static let schemaLock = 22_000_001

    /// The migrations the region has; refuses a region without the schema, or with migrations this
    /// program does not know (a newer program made them).
    static func requireCurrentSchema(_ connection: PostgresConnection, url: RegionURL) async throws {
        let applied: Set<String>
        do {
            applied = try await appliedMigrations(connection)
        } catch let error as PSQLError
            where error.serverInfo?[.sqlState] == "42P01" || error.serverInfo?[.sqlState] == "3F000"
        {
            throw RegionError(
                "Региональная база \(url) не подготовлена: выполните «nastavnik region init» с её адресом.")
        }
        let known = Set(RegionSchema.migrations.map(\.name))
        if !applied.isSubset(of: known) {
            throw RegionError(
                "Схема региональной базы новее этой программы (миграции \(applied.subtracting(known).sorted().joined(separator: ", "))): обновите Nastavnik."
            )
        }
        if applied != known {
            throw RegionError(
                "Схема региональной базы \(url) устарела: выполните «nastavnik region init» с её адресом.")
        }
    }

    static func appliedMigrations(_ connection: PostgresConnection) async throws -> Set<String> {
        var names: Set<String> = []
        let rows = try await connection.query("SELECT name FROM nastavnik.region_migration", logger: logger)
        for try await name in rows.decode(String.self) { names.insert(name) }
        return names
    }

    /// Runs a statement without parameters.
    static func run(_ connection: PostgresConnection, _ sql: String) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    /// `body` in one read-only snapshot of the database (REPEATABLE READ), rolled back after.
    static func inReadSnapshot<T>(_ connection: PostgresConnection, _ body: () async throws -> T) async throws -> T {
        try await run(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let result = try await body()
            try await run(connection, "ROLLBACK")
            return result
        } catch {
            try? await run(connection, "ROLLBACK")
            throw error
        }
    }

    /// `body` between BEGIN and COMMIT; any error rolls back (a broken connection rolls back on
    /// the server by itself).
    static func inTransaction<T>(_ connection: PostgresConnection, _ body: () async throws -> T) async throws -> T {
        try await run(connection, "BEGIN")
        do {
            let result = try await body()
            try await run(connection, "COMMIT")
            return result
        } catch {
            try? await run(connection, "ROLLBACK")
            throw error
        }
    }
}

extension RegionDatabase {
    /// Runs one statement without parameters, on a connection of its own (an administrator's
    /// `CREATE DATABASE`, the tests' and benchmarks' set-up).
    public func execute(_ sql: String) async throws {
        try await withConnection { connection in try await Self.run(connection, sql) }
    }

    /// The rows of one query whose columns are all text (cast them: `count(*)::text`).
    public func texts(_ sql: String) async throws -> [[String?]] {
        try await withConnection { connection in
            var out: [[String?]] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger) {
                var values: [String?] = []
                for cell in row { values.append(try cell.decode(String?.self)) }
                out.append(values)
            }
            return out
        }
    }
}
