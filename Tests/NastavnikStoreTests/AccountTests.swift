import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// The accounts of the web interface: bcrypt hashes, the school of a school's account, the
/// lock after failed logins, and a log that never holds a password or its hash.
@Suite struct AccountTests {
    let dir: URL
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        dir = try temporaryDirectory("nastavnik-accounts")
    }

    func open() throws -> NastavnikDatabase {
        try NastavnikDatabase(
            path: dir.appendingPathComponent("db.sqlite").path, actor: AuditActor(name: "Админова А.А."))
    }

    func withSchool(_ db: NastavnikDatabase) throws {
        try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            _ = try session.upsertSchool(School(code: "S1", name: "Школа № 1", head: "Директорова Д.Д."))
            return (true, ())
        }
    }

    @Test func aPasswordIsKeptAsABcryptHashAndVerified() throws {
        let db = try open()
        let account = try db.addUser(
            login: "petrova", fullName: "Петрова А.А.", role: .specialist, schoolCode: nil,
            password: "верный пароль 1", now: start)
        #expect(account.role == .specialist && account.schoolCode == nil && !account.disabled)
        #expect(account.createdAt == start)
        let hash = try db.reader.read { try String.fetchOne($0, sql: "SELECT password_hash FROM user")! }
        #expect(hash.hasPrefix("$2b$12$") || hash.hasPrefix("$2a$12$") || hash.hasPrefix("$2y$12$"))
        #expect(!hash.contains("верный"))
        #expect(PasswordHash.verify("верный пароль 1", hash: hash))
        #expect(!PasswordHash.verify("неверный пароль", hash: hash))
        #expect(
            try db.checkLogin(login: "petrova", password: "верный пароль 1", now: start, throttle: .init())
                == .success(account))
        #expect(
            try db.checkLogin(login: "petrova", password: "неверный", now: start, throttle: .init()) == .wrongPassword)
        #expect(try db.checkLogin(login: "nobody", password: "x", now: start, throttle: .init()) == .unknownLogin)
    }

    @Test func fiveFailuresLockTheLoginForFifteenMinutes() throws {
        let db = try open()
        try db.addUser(
            login: "ivanov", fullName: "Иванов И.И.", role: .viewer, schoolCode: nil, password: "пароль-верный")
        let throttle = LoginThrottle()
        for _ in 1...4 {
            #expect(
                try db.checkLogin(login: "ivanov", password: "угадываю", now: start, throttle: throttle)
                    == .wrongPassword)
        }
        #expect(try db.user(login: "ivanov")?.failedCount == 4)
        #expect(
            try db.checkLogin(login: "ivanov", password: "угадываю", now: start, throttle: throttle) == .wrongPassword)
        let until = start.addingTimeInterval(15 * 60)
        // Locked: even the right password is not tried.
        let locked = try db.checkLogin(
            login: "ivanov", password: "пароль-верный", now: start.addingTimeInterval(60), throttle: throttle)
        #expect(locked == .locked(until: until))
        // Unlocked after 15 minutes.
        let after = try db.checkLogin(login: "ivanov", password: "пароль-верный", now: until, throttle: throttle)
        guard case .success(let account) = after else {
            Issue.record("\(after)")
            return
        }
        #expect(account.failedCount == 0 && account.lockedUntil == nil)
    }

    @Test func aSchoolAccountNamesAKnownSchool() throws {
        let db = try open()
        try withSchool(db)
        #expect(throws: StoreError.invalid("Для роли «школа» укажите школу: --school КОД.")) {
            try db.addUser(login: "s1", fullName: "Школа № 1", role: .school, schoolCode: nil, password: "x")
        }
        #expect(throws: StoreError.invalid("Школа с кодом «S9» не найдена (--school).")) {
            try db.addUser(login: "s1", fullName: "Школа № 1", role: .school, schoolCode: "S9", password: "x")
        }
        let account = try db.addUser(login: "s1", fullName: "Школа № 1", role: .school, schoolCode: "S1", password: "x")
        #expect(account.schoolCode == "S1")
        #expect(throws: StoreError.invalid("Логин «s1» уже занят.")) {
            try db.addUser(login: "s1", fullName: "Другая", role: .viewer, schoolCode: nil, password: "x")
        }
        #expect(try db.users().map(\.login) == ["s1"])
    }

    @Test func disablingKeepsTheAccountAndRefusesItsLogin() throws {
        let db = try open()
        try db.addUser(login: "old", fullName: "Старый С.С.", role: .methodologist, schoolCode: nil, password: "пароль")
        try db.disableUser(login: "old")
        #expect(try db.user(login: "old")?.disabled == true)
        #expect(try db.checkLogin(login: "old", password: "пароль", now: start, throttle: .init()) == .disabled)
        #expect(throws: StoreError.notFound(what: "учётная запись", key: "nobody")) {
            try db.disableUser(login: "nobody")
        }
    }

    @Test func aNewPasswordReplacesTheOldAndLiftsTheLock() throws {
        let db = try open()
        try db.addUser(login: "a", fullName: "А А.А.", role: .admin, schoolCode: nil, password: "первый")
        let throttle = LoginThrottle(maximumFailures: 1, lockMinutes: 15)
        _ = try db.checkLogin(login: "a", password: "нет", now: start, throttle: throttle)
        #expect(try db.user(login: "a")?.lockedUntil != nil)
        try db.setPassword(login: "a", password: "второй")
        #expect(try db.checkLogin(login: "a", password: "первый", now: start, throttle: .init()) == .wrongPassword)
        guard case .success = try db.checkLogin(login: "a", password: "второй", now: start, throttle: .init()) else {
            Issue.record("второй пароль не принят")
            return
        }
    }

    @Test func theLogRecordsAccountsButNeverAPasswordOrItsHash() throws {
        let db = try open()
        try db.addUser(login: "a", fullName: "А А.А.", role: .admin, schoolCode: nil, password: "секретный пароль")
        try db.setPassword(login: "a", password: "другой секрет")
        let hash = try db.reader.read { try String.fetchOne($0, sql: "SELECT password_hash FROM user")! }
        let entries = try db.auditEntries().filter { $0.table == "user" }
        #expect(entries.map(\.action) == [.insert, .update] || entries.map(\.action) == [.update, .insert])
        #expect(entries.allSatisfy { $0.actor == "Админова А.А." && $0.key == "a" })
        let log = try db.reader.read {
            try String.fetchAll($0, sql: "SELECT coalesce(old_values, '') || coalesce(new_values, '') FROM audit_log")
        }
        .joined()
        #expect(!log.contains("секрет") && !log.contains(hash) && !log.contains("$2"))
        #expect(log.contains("***"))
    }

    /// A v9 file gains empty account tables and keeps its schools; the schema's CHECK holds a
    /// school's account to its school even when written past the store.
    @Test func aV9DatabaseGainsTheAccountTables() throws {
        let db = try upgradedDatabase(from: "v9-staff-snils", sql: "")
        // Every later migration is applied (their names are held by StoreTests).
        #expect(try db.appliedMigrations() == NastavnikDatabase.knownMigrations)
        #expect(try db.users().isEmpty)
        let schoolAccount = try db.addUser(
            login: "s1", fullName: "Школа", role: .school, schoolCode: "S1", password: "пароль")
        #expect(schoolAccount.schoolCode == "S1")
        #expect(throws: (any Error).self) {
            try db.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO user (login, full_name, role, password_hash, created_at)
                        VALUES ('s2', 'Школа', 'school', 'x', '2026-01-01T00:00:00.000Z')
                        """)
            }
        }
    }
}
