import Foundation
import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// Adds an account of the web interface; a password shorter than the setting
    /// `accounts.password_min_length` is refused, as are a taken login and, for a school's
    /// account, a missing or unknown school (`StoreError`).
    @discardableResult
    public func addUser(login: String, fullName: String, role: Role, schoolCode: String?, password: String)
        async throws -> UserAccount
    {
        let login = login.trimmingCharacters(in: .whitespaces)
        let fullName = fullName.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, login.unicodeScalars.allSatisfy({ !CharacterSet.whitespacesAndNewlines.contains($0) })
        else { throw AppError("Логин «\(login)» не подходит: он не может быть пустым или содержать пробелы.") }
        guard !fullName.isEmpty else {
            throw AppError("Укажите имя владельца учётной записи: --name \"Фамилия И.О.\".")
        }
        try await checkPassword(password)
        return try database.addUser(
            login: login, fullName: fullName, role: role, schoolCode: schoolCode?.trimmingCharacters(in: .whitespaces),
            password: password)
    }

    /// Every account, by login.
    public func listUsers() async throws -> [UserAccount] { try database.users() }

    /// Sets an account's password (the same length rule as `addUser`) and lifts its lock.
    public func changePassword(login: String, password: String) async throws {
        try await checkPassword(password)
        try database.setPassword(login: login, password: password)
    }

    /// Disables an account and ends its sessions.
    public func disableUser(login: String) async throws { try database.disableUser(login: login) }

    /// The account whose login and password these are, at `now`; else why not
    /// (`AuthenticationError`: wrong password, locked until ЧЧ:ММ on `timeZone`'s clock, disabled).
    /// Failures count toward the lock of the settings `accounts.lockout_failures` and
    /// `accounts.lockout_minutes`.
    public func authenticate(login: String, password: String, now: Date, timeZone: TimeZone = .current)
        async throws -> UserAccount
    {
        let settings = try database.settings()
        let throttle = LoginThrottle(
            maximumFailures: Int(settings.number(Settings.accountsLockoutFailures)),
            lockMinutes: Int(settings.number(Settings.accountsLockoutMinutes)))
        switch try database.checkLogin(login: login, password: password, now: now, throttle: throttle) {
        case .success(let account): return account
        case .unknownLogin, .wrongPassword: throw AuthenticationError.wrongPassword
        case .locked(let until): throw AuthenticationError.locked(until: until, timeZone: timeZone)
        case .disabled: throw AuthenticationError.disabled
        }
    }

    /// Logs in (as `authenticate`) and starts a web session: the account and the session's
    /// token for the browser's cookie.
    public func logIn(login: String, password: String, now: Date, timeZone: TimeZone = .current) async throws
        -> (account: UserAccount, token: String)
    {
        let account = try await authenticate(login: login, password: password, now: now, timeZone: timeZone)
        return (account, try database.startSession(userID: account.id, now: now))
    }

    /// The account of a live session at `now` (its idle time starts again), or `nil`: no such
    /// session, expired after 8 idle hours, or its account disabled.
    public func sessionUser(token: String, now: Date) async throws -> UserAccount? {
        try database.sessionUser(token: token, now: now)
    }

    /// The account of a live session at `now`, for a page: only reads. When the session's idle
    /// time is to start again, that write is made apart, so that a page never waits for it
    /// behind an import's transaction.
    public func pageSessionUser(token: String, now: Date) async throws -> UserAccount? {
        guard let (account, stale) = try database.sessionAccount(token: token, now: now) else { return nil }
        if stale {
            let database = database
            Task.detached(priority: .background) { try? database.touchSession(token: token, now: now) }
        }
        return account
    }

    /// Ends a session (logout).
    public func logOut(token: String) async throws { try database.endSession(token: token) }

    /// The shortest password the settings allow, for a front end's hint.
    public func passwordMinimumLength() async throws -> Int {
        Int(try database.settings().number(Settings.accountsPasswordMinimumLength))
    }

    private func checkPassword(_ password: String) async throws {
        let minimum = try await passwordMinimumLength()
        guard password.count >= minimum else {
            throw AppError("Пароль слишком короткий: \(password.count) симв., нужно не меньше \(minimum).")
        }
    }
}
