import Foundation
import GRDB
import NastavnikCore

/// One finding of `doctor`.
public struct HealthCheck: Sendable, Equatable {
    public var name: String
    public var ok: Bool
    public var detail: String
}

extension NastavnikDatabase {
    /// Copies the database with SQLite's online backup: safe while others write.
    public func backup(to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try NastavnikDatabase.createPrivateFile(at: path)
        let destination = try DatabaseQueue(path: path)
        try reader.backup(to: destination)
        try destination.close()
        chmod(path, 0o600)
    }

    /// The migrations this program knows, oldest first.
    public static var knownMigrations: [String] {
        Schema.migrator().migrations
    }

    /// Checks a database file before it replaces the current one: integrity, and a schema this
    /// program knows (no migration from a newer version). Returns the migrations applied to it;
    /// throws `StoreError.invalid` saying what is wrong with it.
    @discardableResult
    public static func checkRestorable(_ path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.invalid("Файл «\(path)» не найден.")
        }
        var config = Configuration()
        config.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw StoreError.invalid(
                "«\(path)» — не база данных SQLite. \(russianStoreErrorDescription(error) ?? "\(error)")")
        }
        return try queue.read { db in
            let integrity = (try? String.fetchAll(db, sql: "PRAGMA integrity_check")) ?? ["не удалось проверить"]
            guard integrity == ["ok"] else {
                throw StoreError.invalid("Файл «\(path)» повреждён: \(integrity.prefix(3).joined(separator: "; ")).")
            }
            guard try db.tableExists("grdb_migrations") else {
                throw StoreError.invalid("«\(path)» — не база Наставника: нет журнала миграций.")
            }
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            let unknown = applied.filter { !knownMigrations.contains($0) }
            guard unknown.isEmpty else {
                throw StoreError.invalid(
                    "База «\(path)» создана более новой версией программы (миграции \(unknown.joined(separator: ", "))); обновите программу."
                )
            }
            return applied
        }
    }

    /// What a restore did: the file kept beside it, and the people erased with `staff forget`
    /// whom the copy had brought back and who were erased again.
    public struct RestoreResult: Sendable, Equatable {
        public var kept: String?
        public var erasedAgain: [String]
    }

    /// Replaces the database at `path` with a checked copy of `backup`; the current file is kept
    /// beside it (its name is returned), and the restored database is migrated if it is older.
    public static func restore(
        from backup: String, to path: String,
        actor: AuditActor = AuditActor(name: AuditActor.systemUser())
    ) throws -> String? {
        try restoreChecked(from: backup, to: path, actor: actor).kept
    }

    /// `restore`, saying what it did. People erased with `staff forget` (the register beside the
    /// database, `<db>.erased`, which a restore does not replace) are erased again in the
    /// restored copy, in the same transaction as the restore's log entry.
    public static func restoreChecked(
        from backup: String, to path: String,
        actor: AuditActor = AuditActor(name: AuditActor.systemUser())
    ) throws -> RestoreResult {
        let register = try erasureRegister(for: path)
        let fm = FileManager.default
        var kept: String?
        if fm.fileExists(atPath: path) {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
            kept = "\(path).before-restore-\(stamp)"
            try NastavnikDatabase(path: path).backup(to: kept!)
            for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
                try fm.removeItem(atPath: path + suffix)
            }
        }
        var config = Configuration()
        config.readonly = true
        let source = try DatabaseQueue(path: backup, configuration: config)
        try createPrivateFile(at: path)
        let destination = try DatabaseQueue(path: path)
        try source.backup(to: destination)
        try destination.close()
        let restored = try NastavnikDatabase(path: path, actor: actor)
        var erasedAgain: [String] = []
        try restored.writer.writeWithoutTransaction { db in
            // SQLite detaches a database only outside a transaction.
            if let kept { try db.execute(sql: "ATTACH DATABASE ? AS replaced", arguments: [kept]) }
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer {
                if kept != nil { try? db.execute(sql: "DETACH DATABASE replaced") }
                try? db.execute(sql: "PRAGMA secure_delete = OFF")
                if !erasedAgain.isEmpty, (try? db.checkpoint(.truncate)) == nil { _ = try? db.checkpoint(.passive) }
            }
            try db.inTransaction {
                // The log is history: what happened after the copy was made stays in it, and so
                // does the restore itself.
                if kept != nil,
                    try Bool.fetchOne(
                        db, sql: "SELECT count(*) > 0 FROM replaced.sqlite_master WHERE name = 'audit_log'") ?? false
                {
                    try db.execute(
                        sql: """
                            INSERT INTO main.audit_log (at, actor, command, table_name, row_key, action, old_values, new_values, staff_key)
                            SELECT at, actor, command, table_name, row_key, action, old_values, new_values, staff_key
                            FROM replaced.audit_log WHERE at > (SELECT coalesce(max(at), '') FROM main.audit_log) ORDER BY id
                            """)
                }
                try AuditLog.record(
                    db, table: "database", key: (backup as NSString).lastPathComponent, action: .restore,
                    values: [("from", backup), ("kept", kept)])
                if let register {
                    // Named by personnel number, or by row for someone without one: the name
                    // being erased is not printed.
                    for person in try Self.erasedPresent(db, register: register) {
                        try Self.forget(db, rowID: person.rowID, on: .today())
                        erasedAgain.append(
                            try String.fetchOne(
                                db, sql: "SELECT coalesce(staff_id, '№ ' || id) FROM staff WHERE id = ?",
                                arguments: [person.rowID]) ?? "")
                    }
                }
                return .commit
            }
        }
        return RestoreResult(kept: kept, erasedAgain: erasedAgain)
    }

    /// The register of erased people beside the database at `path`: `<path>.erased`.
    public static func erasureRegisterPath(for path: String) -> String { path + ".erased" }

    /// The register beside the database, or `nil` when nobody was erased; an unreadable
    /// register is an error (it must not be silently ignored).
    static func erasureRegister(for path: String) throws -> ErasureRegister? {
        let file = erasureRegisterPath(for: path)
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8), let register = ErasureRegister(text: text)
        else {
            throw StoreError.invalid(
                "Реестр удалённых работников «\(file)» повреждён: восстановите его из копии рядом с базой.")
        }
        return register
    }

    /// Writes the register (mode 0600, replacing the file at once).
    static func save(_ register: ErasureRegister, for path: String) throws {
        let file = erasureRegisterPath(for: path)
        let temporary = file + ".tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data(register.text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw StoreError.invalid("Не удалось записать реестр удалённых работников «\(file)».")
        }
        chmod(temporary, 0o600)
        guard rename(temporary, file) == 0 else {
            throw StoreError.invalid(
                "Не удалось записать реестр удалённых работников «\(file)»: \(String(cString: strerror(errno))).")
        }
    }

    /// People in the register whose data is in the database again (a restored copy, or a later
    /// import of an old staff file, brought it back): their row and how to name them — the
    /// personnel number, or for someone without one the name and school the file gave again.
    static func erasedPresent(_ db: Database, register: ErasureRegister) throws -> [(rowID: Int64, label: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT st.id, st.person_key, st.snils, coalesce(st.staff_id, st.full_name || ' (' || s.code || ')') AS label
                FROM staff st JOIN school s ON s.id = st.school_id
                WHERE st.staff_id IS NULL
                   OR st.forgotten_at IS NULL OR st.full_name <> 'Сведения удалены (' || st.staff_id || ')'
                   OR st.birth_date IS NOT NULL OR st.email IS NOT NULL OR st.phone IS NOT NULL OR st.snils IS NOT NULL
                ORDER BY st.staff_id, st.full_name
                """
        )
        .filter {
            register.contains(personKey: $0["person_key"])
                || ($0["snils"] as String?).map { register.contains(personKey: snilsIdentity($0)) } ?? false
        }
        .map { (rowID: $0["id"], label: $0["label"]) }
    }

    /// How the register holds an erased person's СНИЛС (as stored, `SNILS.formatted`).
    static func snilsIdentity(_ snils: String) -> String { "snils:" + snils }

    /// Integrity, foreign keys, schema version, file permissions and rows that lost their parent.
    public func doctor() throws -> [HealthCheck] {
        var checks: [HealthCheck] = []
        try reader.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            checks.append(
                HealthCheck(
                    name: "Целостность (integrity_check)", ok: integrity == ["ok"],
                    detail: integrity == ["ok"] ? "ok" : integrity.prefix(5).joined(separator: "; ")))
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            checks.append(
                HealthCheck(
                    name: "Внешние ключи (foreign_key_check)", ok: violations.isEmpty,
                    detail: violations.isEmpty
                        ? "нарушений нет"
                        : "нарушений: \(violations.count), например в таблице \(violations[0]["table"] as String)"))
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            let known = Self.knownMigrations
            checks.append(
                HealthCheck(
                    name: "Версия схемы", ok: applied == known,
                    detail:
                        "применены миграции: \(applied.joined(separator: ", ")); известны программе: \(known.joined(separator: ", "))"
                ))
            let orphans: [(String, String)] = [
                (
                    "мероприятия без сроков",
                    "SELECT count(*) FROM activity a WHERE NOT EXISTS (SELECT 1 FROM activity_occurrence o WHERE o.activity_id = a.id)"
                ),
                (
                    "планы без пунктов",
                    "SELECT count(*) FROM development_plan p WHERE NOT EXISTS (SELECT 1 FROM plan_item i WHERE i.plan_id = p.id)"
                ),
                (
                    "кампании диагностики без результатов",
                    "SELECT count(*) FROM diagnostic_campaign c WHERE NOT EXISTS (SELECT 1 FROM diagnostic_result r WHERE r.campaign_id = c.id)"
                ),
                (
                    "работники с неверной отметкой о последних КПК",
                    """
                    SELECT count(*) FROM staff s WHERE s.last_training_end IS NOT (\(Self.lastCountingTrainingEnd(of: "s.id")))
                    """
                ),
            ]
            for (name, sql) in orphans {
                let n = try Int.fetchOne(db, sql: sql) ?? 0
                checks.append(
                    HealthCheck(name: "Осиротевшие записи: \(name)", ok: n == 0, detail: n == 0 ? "нет" : "\(n)"))
            }
        }
        if let path {
            let register: ErasureRegister?
            do { register = try Self.erasureRegister(for: path) } catch let error as StoreError {
                register = nil
                checks.append(
                    HealthCheck(
                        name: "Удалённые работники (staff forget)", ok: false, detail: error.errorDescription ?? ""))
            }
            let present =
                try register.map { r in try reader.read { db in try Self.erasedPresent(db, register: r).map(\.label) } }
                ?? []
            if register != nil || !FileManager.default.fileExists(atPath: Self.erasureRegisterPath(for: path)) {
                checks.append(
                    HealthCheck(
                        name: "Удалённые работники (staff forget)", ok: present.isEmpty,
                        detail: register == nil
                            ? "никого не удаляли"
                            : present.isEmpty
                                ? "удалено: \(register!.digests.count); никто из них в базе не появился"
                                : "снова в базе (после восстановления или загрузки): \(present.joined(separator: ", ")) — удалите их сведения: nastavnik staff forget ТАБ_НОМЕР (или ФИО)"
                    ))
            }
            let mode = ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? 0
            checks.append(
                HealthCheck(
                    name: "Права на файл", ok: mode & 0o077 == 0,
                    detail: String(format: "%o", mode)
                        + (mode & 0o077 == 0
                            ? " (только владелец)" : " — файл с персональными данными доступен другим: chmod 600")))
        }
        return checks
    }
}

extension NastavnikDatabase {
    /// Erases a person's personal data (152-ФЗ): name, birth date, e-mail and phone are replaced,
    /// the personnel number kept so that references and aggregates (counts, shares, trainings,
    /// scores) stay right. `person` is the personnel number or, for the many files that have
    /// none, the full name when one person bears it (as `staff show`). Throws `StoreError` when
    /// nobody, or more than one person, answers to `person`.
    public func forget(staff person: String, on date: LocalDate) throws {
        prepareForWrites()
        try writer.writeWithoutTransaction { db in
            // Erased values must not stay in free pages; the checkpoint then overwrites the
            // pages they were on in the main file (best effort: a busy reader may delay it to the
            // next automatic checkpoint).
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer {
                try? db.execute(sql: "PRAGMA secure_delete = OFF")
                if (try? db.checkpoint(.truncate)) == nil { _ = try? db.checkpoint(.passive) }
            }
            try db.inTransaction {
                let rowID = try Self.staffRowID(db, person: person)
                let snils = try String.fetchOne(db, sql: "SELECT snils FROM staff WHERE id = ?", arguments: [rowID])
                let personKey = try Self.forget(db, rowID: rowID, on: date)
                // Remembered outside the database before the erasure commits: a restored copy
                // made before it is erased again (`restoreChecked`), `doctor` finds one that is not.
                // The СНИЛС too: a later file may bring the person back under another key.
                if let path {
                    var register = try Self.erasureRegister(for: path) ?? .fresh()
                    register.insert(personKey: personKey)
                    if let snils { register.insert(personKey: Self.snilsIdentity(snils)) }
                    try Self.save(register, for: path)
                }
                return .commit
            }
        }
    }

    /// The row of the person a command names: by personnel number, else — for the many files
    /// that have none — by a full name (folded as the import folds it) that one not yet erased
    /// person bears. `who` is how the message calls them («работник», «наставник»…).
    static func staffRowID(_ db: Database, person: String, who: String = "работник") throws -> Int64 {
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM staff WHERE person_key = 'id:' || ?", arguments: [person])
        {
            return id
        }
        let folded = CellValue.fold(person)
        let named = try Row.fetchAll(db, sql: "SELECT id, full_name FROM staff WHERE forgotten_at IS NULL")
            .filter { CellValue.fold($0["full_name"] as String) == folded }.map { $0["id"] as Int64 }
        if named.count > 1 {
            throw StoreError.invalid("Имя «\(person)» носят \(named.count) работников; укажите табельный номер.")
        }
        guard let id = named.first else {
            throw StoreError.notFound(what: "\(who) с табельным номером или ФИО", key: person)
        }
        return id
    }

    /// Erases one row; returns the person's key as it was (the register's entry). Someone without
    /// a personnel number is keyed by name and birth date, so the key is replaced as well, in the
    /// row and in the log.
    @discardableResult
    private static func forget(_ db: Database, rowID id: Int64, on date: LocalDate) throws -> String {
        let personKey = try String.fetchOne(db, sql: "SELECT person_key FROM staff WHERE id = ?", arguments: [id]) ?? ""
        try db.execute(
            sql: """
                UPDATE staff SET full_name = 'Сведения удалены (' || coalesce(staff_id, '№ ' || id) || ')',
                    person_key = CASE WHEN staff_id IS NULL THEN 'erased:' || id ELSE person_key END,
                    birth_date = NULL, email = NULL, phone = NULL, snils = NULL, forgotten_at = ? WHERE id = ?
                """, arguments: [date.iso, id])
        // The staff search's words of the name go with it (the next search makes the copy again).
        try db.execute(
            sql: """
                UPDATE staff_search_word_count SET people = people - 1
                WHERE word IN (SELECT word FROM staff_search_word
                               WHERE ord IN (SELECT ord FROM staff_search WHERE staff_row = ?))
                """, arguments: [id])
        try db.execute(
            sql: "DELETE FROM staff_search_word WHERE ord IN (SELECT ord FROM staff_search WHERE staff_row = ?)",
            arguments: [id])
        try db.execute(sql: "UPDATE staff_search SET words = NULL WHERE staff_row = ?", arguments: [id])
        try db.execute(sql: "UPDATE lesson_observation SET note = NULL WHERE staff_id = ?", arguments: [id])
        try db.execute(sql: "UPDATE activity_responsible SET staff_id = NULL WHERE staff_id = ?", arguments: [id])
        // The log: entries about this person carry the new key, and for someone without a personnel
        // number a staff row's readable key (the name) the new name; then every personal value in
        // them (the erasure's own entry too, with the name as it was) is removed.
        let erased = try Row.fetchOne(db, sql: "SELECT person_key, full_name FROM staff WHERE id = ?", arguments: [id])!
        let newKey: String = erased["person_key"]
        if newKey != personKey {
            try db.execute(
                sql: """
                    UPDATE audit_log SET staff_key = ?, row_key = CASE WHEN table_name = 'staff' THEN ? ELSE row_key END
                    WHERE staff_key = ?
                    """, arguments: [newKey, erased["full_name"] as String, personKey])
        }
        try Self.forgetInAudit(db, personKey: newKey)
        return personKey
    }
}

extension NastavnikDatabase {
    /// A number that grows with every change of the data, from this program or another one (the
    /// audit log's last entry: every write, a bulk load included, leaves one), so that a reader
    /// may keep what it computed until the data changes.
    public func changeStamp() throws -> Int64 {
        try reader.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_log") ?? 0 }
    }
}
