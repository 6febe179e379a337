import NastavnikStore

extension NastavnikApp {
    /// Copies the database to `path` (mode 0600) while others may write.
    public func backup(to path: String) async throws { try database.backup(to: path) }

    /// Checks the database: integrity, foreign keys, schema version, file mode, orphans.
    public func doctor() async throws -> [HealthCheck] { try database.doctor() }

    /// Replaces the database at `path` with the copy `backup` after checking it (integrity, a
    /// schema this program knows); the former file is kept.
    public static func restore(from backup: String, to path: String, actor: AuditActor) async throws
        -> NastavnikDatabase.RestoreResult
    {
        _ = try NastavnikDatabase.checkRestorable(backup)
        return try NastavnikDatabase.restoreChecked(from: backup, to: path, actor: actor)
    }
}
