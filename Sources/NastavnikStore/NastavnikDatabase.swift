import Foundation
import GRDB
import NastavnikCore

/// The municipality's database: one SQLite file in WAL mode with foreign keys on.
///
/// Every write method is one transaction that keeps the domain's invariants, so a failed
/// command leaves the file as it was. The type is `Sendable`: GRDB serialises writes and lets
/// reads run beside them.
public final class NastavnikDatabase: Sendable {
    /// The underlying connection pool; reads and the import pipeline use it directly.
    public let writer: any DatabaseWriter
    /// Where the file lives, or `nil` for an in-memory database.
    public let path: String?

    /// Opens (creating with mode 0600 when missing) the database at `path` and migrates it.
    public init(path: String, busyTimeout: TimeInterval = 30) throws {
        try NastavnikDatabase.createPrivateFile(at: path)
        var config = NastavnikDatabase.configuration(busyTimeout: busyTimeout)
        config.journalMode = .wal
        self.writer = try DatabasePool(path: path, configuration: config)
        self.path = path
        try migrate()
    }

    /// An in-memory database, for tests and dry runs.
    public init() throws {
        self.writer = try DatabaseQueue(configuration: NastavnikDatabase.configuration(busyTimeout: 5))
        self.path = nil
        try migrate()
    }

    /// The resolved database path: `--db`, else `$NASTAVNIK_DB`, else `./nastavnik.sqlite`.
    public static func resolvePath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["NASTAVNIK_DB"], !env.isEmpty { return env }
        return "nastavnik.sqlite"
    }

    private static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "nastavnik"
        config.prepareDatabase { db in
            // Dates compare as text; make LIKE and sorting of Cyrillic names predictable.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// The file holds personal data: it is created readable by its owner only.
    static func createPrivateFile(at path: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { return }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !fm.fileExists(atPath: dir) {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
        // umask may have narrowed the mode further, never widened it; set it exactly.
        chmod(path, 0o600)
    }

    private func migrate() throws {
        var migrator = DatabaseMigrator()
        Schema.register(in: &migrator)
        try migrator.migrate(writer)
    }

    /// The identifiers of the migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in
            var migrator = DatabaseMigrator()
            Schema.register(in: &migrator)
            return try migrator.appliedIdentifiers(db).sorted()
        }
    }
}

/// Errors of the store, with Russian messages for the user.
public enum StoreError: Error, LocalizedError, Equatable {
    case cannotCreate(path: String, reason: String)
    case notFound(what: String, key: String)
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case let .cannotCreate(path, reason): "Не удалось создать базу данных «\(path)»: \(reason)"
        case let .notFound(what, key): "Не найдено в базе данных: \(what) «\(key)»."
        case let .invalid(message): message
        }
    }
}
