import Foundation
import GRDB
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// Runs a command line with a capturing console whose standard input (not a terminal) is `input`.
func run(_ arguments: [String], input: String) async -> (status: Int32, out: String, err: String) {
    let console = Console(capturing: true, input: input)
    let status = await Console.$current.withValue(console) { await NastavnikCommand.runMain(arguments) }
    return (status, console.output, console.errors)
}

/// `nastavnik users`: accounts made by scripts (the password on standard input), listed in
/// every format, and refused in Russian.
@Suite struct UsersCommandTests {
    let sandbox: CLISandbox

    init() async throws {
        sandbox = try await CLISandbox(importing: [("schools", "Код ОО;Наименование ОО\nS1;Школа № 1\n")])
    }

    var db: String { sandbox.db }

    @Test func addsAnAccountWithThePasswordFromStandardInput() async throws {
        let added = await run(
            ["users", "add", "petrova", "--name", "Петрова А.А.", "--role", "specialist", "--db", db],
            input: "длинный пароль\n")
        #expect(added.status == 0, "\(added.err)")
        #expect(added.out == "Учётная запись «petrova» (специалист) добавлена.\n")
        let database = try NastavnikDatabase(path: db)
        let outcome = try database.checkLogin(
            login: "petrova", password: "длинный пароль", now: Date(), throttle: .init())
        guard case .success(let account) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(account.fullName == "Петрова А.А.")
    }

    @Test func aSchoolAccountNeedsAKnownSchool() async throws {
        let none = await run(["users", "add", "s1", "--name", "Школа", "--role", "school", "--db", db], input: "x")
        #expect(none.status != 0)
        #expect(none.err.contains("Для роли «школа» укажите школу: --school КОД."))
        let unknown = await run(
            ["users", "add", "s1", "--name", "Школа", "--role", "school", "--school", "S9", "--db", db],
            input: "длинный пароль\n")
        #expect(unknown.status != 0)
        #expect(unknown.err.contains("Школа с кодом «S9» не найдена (--school)."))
        let known = await run(
            ["users", "add", "s1", "--name", "Школа № 1", "--role", "школа", "--school", "S1", "--db", db],
            input: "длинный пароль\n")
        #expect(known.status == 0, "\(known.err)")
        let users = try jsonArray(await run(["users", "list", "--db", db, "--format", "json"]).out)
        #expect(users.count == 1)
        #expect(users.first?["school"] as? String == "S1")
    }

    @Test func refusalsAreRussianAndChangeNothing() async throws {
        let short = await run(
            ["users", "add", "a", "--name", "А А.А.", "--role", "admin", "--db", db], input: "короткий\n")
        #expect(short.status != 0)
        #expect(short.err.contains("Пароль слишком короткий: 8 симв., нужно не меньше 10."))
        let role = await run(["users", "add", "a", "--name", "А", "--role", "director", "--db", db], input: "x")
        #expect(role.err.contains("Неизвестная роль «director» (--role)"))
        let empty = await run(["users", "add", "a", "--name", "А", "--role", "admin", "--db", db], input: "")
        #expect(empty.err.contains("Пароль не получен"))
        #expect(try NastavnikDatabase(path: db).users().isEmpty)
        _ = await run(["users", "add", "a", "--name", "А", "--role", "admin", "--db", db], input: "длинный пароль")
        let taken = await run(
            ["users", "add", "a", "--name", "Б", "--role", "viewer", "--db", db], input: "другой пароль")
        #expect(taken.status != 0)
        #expect(taken.err.contains("Логин «a» уже занят."))
        let missing = await run(["users", "passwd", "nobody", "--db", db], input: "длинный пароль")
        #expect(missing.err.contains("Учётной записи «nobody» нет."))
    }

    @Test func passwdAndDisableAndTheListInEveryFormat() async throws {
        _ = await run(
            ["users", "add", "v", "--name", "Васильева В.В.", "--role", "viewer", "--db", db], input: "первый пароль")
        let passwd = await run(["users", "passwd", "v", "--db", db], input: "второй пароль\n")
        #expect(passwd.status == 0, "\(passwd.err)")
        let database = try NastavnikDatabase(path: db)
        #expect(
            try database.checkLogin(login: "v", password: "первый пароль", now: Date(), throttle: .init())
                == .wrongPassword)
        let disabled = await run(["users", "disable", "v", "--db", db])
        #expect(disabled.out == "Учётная запись «v» отключена.\n")
        #expect(
            try database.checkLogin(login: "v", password: "второй пароль", now: Date(), throttle: .init()) == .disabled)
        let table = await run(["users", "list", "--db", db])
        #expect(table.out.contains("Васильева В.В.") && table.out.contains("наблюдатель"))
        let csv = await run(["users", "list", "--db", db, "--format", "csv"])
        #expect(csv.out.contains("Логин;Имя;Роль"))
        #expect(csv.out.contains("v;Васильева В.В.;наблюдатель;;да"))
        let json = try jsonArray(await run(["users", "list", "--db", db, "--format", "json"]).out)
        #expect(json.first?["disabled"] as? String == "да")
        // No password and no hash in any output or in the log.
        let log = await run(["audit", "--db", db, "--format", "json"])
        for text in [table.out, csv.out, log.out] {
            #expect(!text.contains("пароль") && !text.contains("$2"))
        }
    }

    @Test func roleAndEnableChangeAnAccountAndRefuseAWrongSchool() async throws {
        _ = await run(["users", "add", "v", "--name", "В", "--role", "viewer", "--db", db], input: "длинный пароль")
        let noSchool = await run(["users", "role", "v", "--role", "school", "--db", db])
        #expect(noSchool.status == 1 && noSchool.err.contains("Для роли «школа» укажите код школы. (--school)"))
        let unknown = await run(["users", "role", "v", "--role", "school", "--school", "S9", "--db", db])
        #expect(unknown.status == 1 && unknown.err.contains("Школа с кодом «S9» не найдена."))
        let changed = await run(["users", "role", "v", "--role", "school", "--school", "S1", "--db", db])
        #expect(changed.status == 0, "\(changed.err)")
        #expect(changed.out == "Учётная запись «v»: роль «школа».\n")
        let account = try #require(try NastavnikDatabase(path: db).user(login: "v"))
        #expect(account.role == .school && account.schoolCode == "S1")
        _ = await run(["users", "disable", "v", "--db", db])
        let enabled = await run(["users", "enable", "v", "--db", db])
        #expect(enabled.status == 0 && enabled.out == "Учётная запись «v» включена.\n")
        #expect(try NastavnikDatabase(path: db).user(login: "v")?.disabled == false)
        #expect(await run(["users", "enable", "nobody", "--db", db]).status == 1)
    }
}
