import Foundation
import GRDB
import NastavnikCore

/// The municipality's database: one SQLite file in WAL mode with foreign keys on.
///
/// Every write method is one transaction that keeps the domain's invariants, so a failed
/// command leaves the file as it was. The type is `Sendable`: GRDB serialises writes and lets
/// reads run beside them.
public final class NastavnikDatabase: Sendable {
    /// The underlying connection pool. Only the store writes through it (each write one
    /// transaction, the import's through `ImportSession`); tests that prepare a file by hand
    /// reach it with `@testable import` — everyone else reads through `reader`. A write method
    /// goes through `write(_:)` or `typedWrite(_:)`, which record it under `actingAs`.
    let writer: any DatabaseWriter
    /// Read access to the database, for tests and tools: every public read of the store goes
    /// through it. With `pseudonymize`, its connections see the pseudonyms.
    public var reader: any DatabaseReader { writer }
    /// Where the file lives, or `nil` for an in-memory database.
    public let path: String?
    /// Whom this instance's writes are recorded for in the audit log, when it acts for someone
    /// other than the actor its connection was opened with (`acting(as:)`); `nil`: that actor.
    let actingAs: AuditActor?
    /// How the audit triggers' installation went (`installAudit`); every write checks it first.
    let audit: AuditInstallation

    /// What a command does with the database: reads what is there, or writes (and so may create it).
    public enum Access: Sendable {
        /// The file must exist: a typo in `--db` is an error, not an empty database.
        case read
        /// The file is created (mode 0600) when missing.
        case write
    }

    /// When the writing connection's audit triggers are installed (30–50 ms of SQLite parsing a
    /// trigger for each change of each table).
    public enum AuditTiming: Sendable {
        /// On opening, on the writing connection's queue, while the reads that follow go on.
        case atOpen
        /// Before the first write, or when `prepareForWrites()` says writes are near: for a command
        /// that reads long and writes once at the end (a region's push), so that the installation
        /// does not take a core from its reading. Until then the writing connection is query-only:
        /// a write that came any other way would fail, never go unrecorded.
        case beforeFirstWrite
    }

    /// The secret of the pseudonyms (HMAC-SHA-256 key), made once on first use and kept in the
    /// database. Read and made through a connection of its own, without the audit triggers: the
    /// secret must never reach the audit log.
    static func pseudonymSecret(path: String, busyTimeout: TimeInterval) throws -> String {
        let setup = try DatabaseQueue(
            path: path, configuration: NastavnikDatabase.configuration(busyTimeout: busyTimeout))
        defer { try? setup.close() }
        try Schema.migrator().migrate(setup)
        let stored = try setup.read(storedPseudonymSecret)
        return try stored
            ?? setup.write { db -> String in
                if let secret = try storedPseudonymSecret(db) { return secret }
                let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
                try db.execute(
                    sql: "INSERT INTO setting (key, value) VALUES ('pseudonym.secret', ?)", arguments: [secret])
                return secret
            }
    }

    /// The pseudonyms' secret, if it was made.
    static func storedPseudonymSecret(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'pseudonym.secret'")
    }

    /// A pseudonym as `--pseudonymize` shows it: «Работник» and the first eight hex digits of
    /// the keyed hash of `identity` (a `person_key`, or «curator:» and a name).
    public static func pseudonym(of identity: String, secret: String) -> String {
        pseudonym(of: identity, keyed: HexDigest.KeyedHMAC(key: Array(secret.utf8)))
    }

    /// `pseudonym(of:secret:)` with the secret's HMAC state made once (`HexDigest.KeyedHMAC`).
    public static func pseudonym(of identity: String, keyed: HexDigest.KeyedHMAC) -> String {
        "Работник " + String(keyed.hex(identity).prefix(8)).uppercased()
    }

    /// Opens (with `.write`, creating with mode 0600 when missing) the database at `path` and migrates it.
    ///
    /// With `pseudonymize`, every read sees stable pseudonyms instead of names, e-mails and
    /// phones: a keyed hash (HMAC-SHA-256 with a secret kept in the database) of the person's
    /// identity, so that the same person has the same pseudonym in every report.
    ///
    /// Every change made through this instance is recorded in the audit log as `actor`'s.
    public init(
        path: String, busyTimeout: TimeInterval = 30, pseudonymize: Bool = false,
        actor: AuditActor = AuditActor(name: AuditActor.systemUser()), access: Access = .write,
        auditTiming: AuditTiming = .atOpen
    ) throws {
        if access == .read, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.missingDatabase(path: path)
        }
        try NastavnikDatabase.createPrivateFile(at: path)
        var config = NastavnikDatabase.configuration(busyTimeout: busyTimeout)
        config.journalMode = .wal
        if pseudonymize {
            // The secret must exist before a reader connection asks for it.
            let secret = try Self.pseudonymSecret(path: path, busyTimeout: busyTimeout)
            let key = Array(secret.utf8)
            config.prepareDatabase { db in
                guard db.configuration.readonly else { return }
                db.add(
                    function: DatabaseFunction("nastavnik_pseudonym", argumentCount: 2, pure: true) { values in
                        guard let kind = String.fromDatabaseValue(values[0]),
                            let identity = String.fromDatabaseValue(values[1])
                        else { return nil }
                        let code = String(HexDigest.hmacSHA256(key: key, message: Array(identity.utf8)).prefix(8))
                            .uppercased()
                        switch kind {
                        case "email": return "p-\(code.lowercased())@pseudonym.invalid"
                        case "phone":
                            return
                                "+7 000 \(code.prefix(3))-\(code.dropFirst(3).prefix(2))-\(code.dropFirst(5).prefix(2))"
                        default: return "Работник \(code)"
                        }
                    })
                // A roadmap's «Ответственные» cell: people's names become pseudonyms, bodies stay.
                db.add(
                    function: DatabaseFunction("nastavnik_responsible", argumentCount: 1, pure: true) { values in
                        guard let cell = String.fromDatabaseValue(values[0]) else { return nil }
                        return PersonName.replacingPeople(in: cell) { personKey in
                            "Работник "
                                + String(
                                    HexDigest.hmacSHA256(key: key, message: Array(("responsible:" + personKey).utf8))
                                        .prefix(8)
                                ).uppercased()
                        }
                    })
                // Temporary views shadow the tables for this reading connection only.
                try db.execute(sql: Schema.pseudonymViews)
            }
        }
        self.writer = try DatabasePool(path: path, configuration: config)
        self.path = path
        self.actingAs = nil
        self.audit = AuditInstallation(actor: actor)
        try migrate()
        switch auditTiming {
        case .atOpen: prepareForWrites()
        case .beforeFirstWrite: try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = 1") }
        }
    }

    /// An in-memory database, for tests and dry runs.
    public init(actor: AuditActor = AuditActor(name: AuditActor.systemUser())) throws {
        self.writer = try DatabaseQueue(configuration: NastavnikDatabase.configuration(busyTimeout: 5))
        self.path = nil
        self.actingAs = nil
        self.audit = AuditInstallation(actor: actor)
        try migrate()
        audit.beginOnce {}
        try installAudit(actor: actor)
        audit.finished()
    }

    /// The same database (the same connections) whose every change is recorded in the audit log
    /// as `actor`'s: the web server's one pool serves each logged-in user under their own name.
    public func acting(as actor: AuditActor) -> NastavnikDatabase {
        NastavnikDatabase(sharing: self, actingAs: actor)
    }

    private init(sharing other: NastavnikDatabase, actingAs actor: AuditActor) {
        self.writer = other.writer
        self.path = other.path
        self.actingAs = actor
        self.audit = other.audit
    }

    // The pool's one writing connection lives as long as the pool: its TEMP triggers record
    // every change, whichever write method makes it.
    private func installAudit(actor: AuditActor) throws {
        try writer.writeWithoutTransaction { db in try AuditLog.install(db, actor: actor) }
    }

    /// Installs the audit triggers on the writing connection's queue, ahead of every write that
    /// follows (the queue runs its work in order), while reads go on beside it: the installation
    /// (a trigger for each change of each table, about 50 ms) does not delay a command that reads
    /// first. Done once; every write method asks for it first, and a command opened with
    /// `.beforeFirstWrite` calls it when its writes are near. Should it fail, the connection
    /// refuses every write (`query_only`), and the write methods say why
    /// (`AuditInstallation.check`): nothing is ever written unrecorded.
    public func prepareForWrites() {
        let audit = self.audit
        let writer = self.writer
        audit.beginOnce {
            writer.asyncWriteWithoutTransaction { db in
                defer { audit.finished() }
                do {
                    try db.execute(sql: "PRAGMA query_only = 0")
                    try AuditLog.install(db, actor: audit.actor)
                } catch {
                    try? db.execute(sql: "PRAGMA query_only = 1")
                    audit.failed(error)
                }
            }
        }
    }

    // The writing connection closes only once nothing is queued on it: an installation still
    // queued would keep it open after this database is gone, and its closing would then remove
    // the file's -wal and -shm from under a database made anew at the same path (a restore, a
    // new demo). So the last reference waits for it. Never on the writer's own queue: any work
    // there was queued after the installation, which has then run.
    deinit {
        if audit.isBegun, !audit.isFinished { _ = try? writer.writeWithoutTransaction { _ in } }
    }

    /// The resolved database path: `--db`, else `$NASTAVNIK_DB`, else `./nastavnik.sqlite`.
    public static func resolvePath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
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
            // A new file gets 16 KiB pages (SQLite's default is 4 KiB): a quarter of the page
            // writes, B-tree splits and system calls on a bulk load (a million staff rows and
            // their indexes in SQLite alone: 3.0–3.3 s → 2.8–2.9 s). A file that exists keeps
            // its pages; this asks nothing of it.
            try db.execute(sql: "PRAGMA page_size = 16384")
            // 16 MiB of pages a connection (SQLite's default, 2,000 KiB, is 125 pages of 16 KiB):
            // a page of 50 people reads about 400 pages (their rows, trainings, diagnostics), which
            // the default cache dropped between requests, so each request copied them from the
            // file again (a staff search on a country's file: most of its time). The web server's
            // readers hold at most 5 such caches (GRDB's pool), 80 MiB.
            try db.execute(sql: "PRAGMA cache_size = -16384")
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
            throw StoreError.cannotCreate(path: path, reason: SystemErrorText.russian(errno: errno))
        }
        close(fd)
        // umask may have narrowed the mode further, never widened it; set it exactly.
        chmod(path, 0o600)
    }

    private func migrate() throws {
        try Schema.migrator().migrate(writer)
    }

    /// The identifiers of the migrations applied to this file, oldest first (in the order they
    /// were registered: sorted as text, `v10-…` would come before `v2-…`).
    public func appliedMigrations() throws -> [String] {
        try reader.read { db in
            let applied = Set(try Schema.migrator().appliedIdentifiers(db))
            return Self.knownMigrations.filter(applied.contains)
        }
    }
}
