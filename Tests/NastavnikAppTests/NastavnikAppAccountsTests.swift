import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

/// The accounts' use cases on a real file: the password's length, the school of a school's
/// account, and the login's Russian refusals.
@Suite struct NastavnikAppAccountsTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let utc = TimeZone(identifier: "UTC")!

    @Test func addsListsAndAuthenticates() async throws {
        let fixture = try AppFixture(staff: nil, diagnostics: nil)
        let app = fixture.app
        try await app.addUser(
            login: "school-a", fullName: "Школа А", role: .school, schoolCode: "A", password: "длинный пароль")
        try await app.addUser(
            login: "admin", fullName: "Админова А.А.", role: .admin, schoolCode: nil, password: "ещё длиннее пароль")
        let users = try await app.listUsers()
        #expect(users.map(\.login) == ["admin", "school-a"])
        #expect(users.map(\.schoolCode) == [nil, "A"])
        let account = try await app.authenticate(login: "admin", password: "ещё длиннее пароль", now: start)
        #expect(account.fullName == "Админова А.А." && account.role == .admin)
    }

    @Test func aShortPasswordIsRefusedByTheSetting() async throws {
        let fixture = try AppFixture(staff: nil, diagnostics: nil)
        let app = fixture.app
        await #expect(throws: AppError("Пароль слишком короткий: 9 симв., нужно не меньше 10.")) {
            try await app.addUser(login: "a", fullName: "А", role: .viewer, schoolCode: nil, password: "123456789")
        }
        try await app.setSetting(Settings.accountsPasswordMinimumLength, to: "8")
        try await app.addUser(login: "a", fullName: "А", role: .viewer, schoolCode: nil, password: "12345678")
        await #expect(throws: AppError("Пароль слишком короткий: 7 симв., нужно не меньше 8.")) {
            try await app.changePassword(login: "a", password: "1234567")
        }
        await #expect(
            throws: AppError("Логин «с пробелом» не подходит: он не может быть пустым или содержать пробелы.")
        ) {
            try await app.addUser(
                login: "с пробелом", fullName: "А", role: .viewer, schoolCode: nil, password: "12345678")
        }
    }

    @Test func refusalsSayWhyInRussian() async throws {
        let fixture = try AppFixture(staff: nil, diagnostics: nil)
        let app = fixture.app
        try await app.setSetting(Settings.accountsLockoutFailures, to: "2")
        try await app.addUser(login: "v", fullName: "В В.В.", role: .viewer, schoolCode: nil, password: "верный пароль")
        await #expect(throws: AuthenticationError.wrongPassword) {
            try await app.authenticate(login: "nobody", password: "верный пароль", now: start)
        }
        await #expect(throws: AuthenticationError.wrongPassword) {
            try await app.authenticate(login: "v", password: "не тот", now: start, timeZone: utc)
        }
        // The second failure locks the login for 15 minutes: 1_800_000_000 is 08:00 UTC.
        await #expect(throws: AuthenticationError.wrongPassword) {
            try await app.authenticate(login: "v", password: "не тот", now: start, timeZone: utc)
        }
        do {
            _ = try await app.authenticate(login: "v", password: "верный пароль", now: start, timeZone: utc)
            Issue.record("вход не заблокирован")
        } catch let error as AuthenticationError {
            #expect(error.localizedDescription == "Слишком много неудачных попыток входа: вход заблокирован до 08:15.")
        }
        _ = try await app.authenticate(login: "v", password: "верный пароль", now: start.addingTimeInterval(900))
        try await app.disableUser(login: "v")
        await #expect(throws: AuthenticationError.disabled) {
            try await app.authenticate(login: "v", password: "верный пароль", now: start.addingTimeInterval(900))
        }
        #expect(
            AuthenticationError.disabled.localizedDescription
                == "Учётная запись отключена. Обратитесь к администратору.")
    }

    @Test func aLoginStartsASessionThatLogoutEnds() async throws {
        let fixture = try AppFixture(staff: nil, diagnostics: nil)
        let app = fixture.app
        try await app.addUser(
            login: "m", fullName: "М М.М.", role: .methodologist, schoolCode: nil, password: "пароль методиста")
        await #expect(throws: AuthenticationError.wrongPassword) {
            try await app.logIn(login: "m", password: "чужой пароль", now: start)
        }
        let (account, token) = try await app.logIn(login: "m", password: "пароль методиста", now: start)
        #expect(account.role == .methodologist)
        #expect(try await app.sessionUser(token: token, now: start.addingTimeInterval(3600))?.login == "m")
        try await app.logOut(token: token)
        #expect(try await app.sessionUser(token: token, now: start.addingTimeInterval(3600)) == nil)
    }
}
