import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// Adds an account; its password is hashed here and kept as the hash only. A `school`
    /// account names its school by code, other roles none; a taken login or an unknown school
    /// is refused and nothing is written.
    @discardableResult
    public func addUser(
        login: String, fullName: String, role: Role, schoolCode: String?, password: String, now: Date = Date()
    ) throws(StoreError) -> UserAccount {
        let hash = PasswordHash.make(password)
        return try typedWrite { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE login = ?", arguments: [login]) == true {
                throw StoreError.invalid("Логин «\(login)» уже занят.")
            }
            let schoolID = try Self.accountSchool(db, role: role, code: schoolCode)
            try db.execute(
                sql: """
                    INSERT INTO user (login, full_name, role, school_id, password_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [login, fullName, role.rawValue, schoolID, hash, Self.stamp(now)])
            return try Self.account(db, login: login)!
        }
    }

    /// Every account, by login.
    public func users() throws -> [UserAccount] {
        try reader.read { db in try Row.fetchAll(db, sql: Self.accountSQL + " ORDER BY u.login").map(Self.account) }
    }

    /// The account with this login, or `nil`.
    public func user(login: String) throws -> UserAccount? {
        try reader.read { db in try Self.account(db, login: login) }
    }

    /// Sets an account's password (kept as its hash) and lifts its lock: the admin's reset.
    public func setPassword(login: String, password: String) throws(StoreError) {
        let hash = PasswordHash.make(password)
        try typedWrite { db in
            try db.execute(
                sql: "UPDATE user SET password_hash = ?, failed_count = 0, locked_until = NULL WHERE login = ?",
                arguments: [hash, login])
            if db.changesCount == 0 { throw StoreError.notFound(what: "учётная запись", key: login) }
        }
    }

    /// Disables an account and ends its sessions; the account stays, for the log.
    public func disableUser(login: String) throws(StoreError) {
        try typedWrite { db in
            guard let account = try Self.account(db, login: login) else {
                throw StoreError.notFound(what: "учётная запись", key: login)
            }
            try db.execute(sql: "UPDATE user SET disabled = 1 WHERE id = ?", arguments: [account.id])
            try db.execute(sql: "DELETE FROM web_session WHERE user_id = ?", arguments: [account.id])
        }
    }

    /// Sets an account's role (and its school: a school's account names one, other roles none).
    /// With `expectedVersion` (`recordVersion` of the account when its form was opened), an
    /// account changed since is left as it is (`StaleRecordError`). A role taken away ends the
    /// account's sessions, so that no page goes on with the old rights.
    public func setRole(login: String, role: Role, schoolCode: String?, expectedVersion: Int64? = nil) throws {
        try changeAccount(login, expectedVersion: expectedVersion) { db, account in
            let schoolID = try Self.accountSchool(db, role: role, code: schoolCode)
            try db.execute(
                sql: "UPDATE user SET role = ?, school_id = ? WHERE id = ?",
                arguments: [role.rawValue, schoolID, account.id])
            return account.role != role || account.schoolCode != schoolCode
        }
    }

    /// Disables an account (ending its sessions) or enables it again; with `expectedVersion`,
    /// as `setRole`.
    public func setDisabled(login: String, _ disabled: Bool, expectedVersion: Int64?) throws {
        try changeAccount(login, expectedVersion: expectedVersion) { db, account in
            try db.execute(
                sql: "UPDATE user SET disabled = ?, failed_count = 0, locked_until = NULL WHERE id = ?",
                arguments: [disabled, account.id])
            return disabled
        }
    }

    /// Sets an account's password, as `setPassword`, when the account is still at
    /// `expectedVersion`; its sessions end, so that the old password's sessions do not go on.
    public func resetPassword(login: String, password: String, expectedVersion: Int64?) throws {
        let hash = PasswordHash.make(password)
        try changeAccount(login, expectedVersion: expectedVersion) { db, account in
            try db.execute(
                sql: "UPDATE user SET password_hash = ?, failed_count = 0, locked_until = NULL WHERE id = ?",
                arguments: [hash, account.id])
            return true
        }
    }

    /// Runs `change` on account `login` in one transaction checked against `expectedVersion`;
    /// when it answers true, the account's sessions end with it.
    private func changeAccount(
        _ login: String, expectedVersion: Int64?, _ change: (Database, UserAccount) throws -> Bool
    ) throws {
        try checkedWrite([Self.accountPart(login)], expectedVersion: expectedVersion) { db in
            guard let account = try Self.account(db, login: login) else {
                throw StoreError.notFound(what: "учётная запись", key: login)
            }
            if try change(db, account) {
                try db.execute(sql: "DELETE FROM web_session WHERE user_id = ?", arguments: [account.id])
            }
        }
    }

    /// An account's rows as the audit log names them (`user` by login): its version's part.
    public static func accountPart(_ login: String) -> RecordVersion.Part {
        RecordVersion.Part(table: "user", key: login)
    }

    /// Checks a login and password at `now` under `throttle`: a locked login is refused without
    /// trying the password; a wrong password counts a failure (the `throttle`'s last one locks
    /// the login); a right one clears the count. The count's update is one transaction.
    public func checkLogin(login: String, password: String, now: Date, throttle: LoginThrottle) throws -> LoginOutcome {
        let stored = try reader.read { db in
            try Row.fetchOne(db, sql: "SELECT password_hash FROM user WHERE login = ?", arguments: [login])
        }
        guard let hash: String = stored?["password_hash"] else {
            _ = PasswordHash.verify(password, hash: PasswordHash.decoy)
            return .unknownLogin
        }
        if let account = try user(login: login), let until = throttle.lock(of: state(account), at: now) {
            return .locked(until: until)
        }
        // bcrypt runs outside the transaction: a quarter of a second the writer need not wait.
        let right = PasswordHash.verify(password, hash: hash)
        return try typedWrite { db -> LoginOutcome in
            guard let account = try Self.account(db, login: login) else { return .unknownLogin }
            let current = state(account)
            if let until = throttle.lock(of: current, at: now) { return .locked(until: until) }
            let next = right ? throttle.succeeded(current) : throttle.failed(current, at: now)
            try db.execute(
                sql: "UPDATE user SET failed_count = ?, locked_until = ? WHERE id = ?",
                arguments: [next.failedCount, next.lockedUntil.map(Self.stamp), account.id])
            guard right else { return .wrongPassword }
            return account.disabled ? .disabled : .success(try Self.account(db, login: login)!)
        }
    }

    private func state(_ account: UserAccount) -> LoginThrottle.State {
        LoginThrottle.State(failedCount: account.failedCount, lockedUntil: account.lockedUntil)
    }

    /// The school of an account of `role`: required (and known) for `school`, refused for the rest.
    static func accountSchool(_ db: Database, role: Role, code: String?) throws -> Int64? {
        guard role.needsSchool else {
            if let code {
                throw StoreError.invalid(
                    "Школа (--school «\(code)») указывается только для роли «\(Role.school.russian)».")
            }
            return nil
        }
        guard let code, !code.isEmpty else {
            throw StoreError.invalid("Для роли «\(Role.school.russian)» укажите школу: --school КОД.")
        }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [code]) else {
            throw StoreError.invalid("Школа с кодом «\(code)» не найдена (--school).")
        }
        return id
    }

    static let accountSQL = """
        SELECT u.id, u.login, u.full_name, u.role, s.code AS school_code, u.disabled, u.failed_count,
               u.locked_until, u.created_at
        FROM user u LEFT JOIN school s ON s.id = u.school_id
        """

    static func account(_ db: Database, login: String) throws -> UserAccount? {
        try Row.fetchOne(db, SQLRequest(sql: accountSQL + " WHERE u.login = ?", arguments: [login], cached: true))
            .map(account)
    }

    static func account(_ row: Row) -> UserAccount {
        UserAccount(
            id: row["id"], login: row["login"], fullName: row["full_name"],
            role: Role(rawValue: row["role"]) ?? .viewer, schoolCode: row["school_code"], disabled: row["disabled"],
            failedCount: row["failed_count"], lockedUntil: (row["locked_until"] as String?).flatMap(date),
            createdAt: date(row["created_at"]) ?? Date(timeIntervalSince1970: 0))
    }

    /// A moment as the accounts' columns keep it: ISO 8601, UTC, milliseconds.
    static func stamp(_ date: Date) -> String { date.formatted(AuditEntry.timestampStyle) }

    static func date(_ text: String) -> Date? { try? AuditEntry.timestampStyle.parse(text) }
}
