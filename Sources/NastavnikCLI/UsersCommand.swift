import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// `nastavnik users`: the accounts of the web interface (issue 19).
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Учётные записи веб-интерфейса: добавить, список, сменить пароль или роль, отключить, включить.",
        discussion: """
            Роли: admin (администратор), specialist (специалист), methodologist (методист), viewer (наблюдатель), \
            school (школа: только своя школа, укажите --school КОД). Пароль спрашивается дважды без вывода на экран; \
            если стандартный ввод — не терминал, пароль читается из него одной строкой (для сценариев).
            """,
        subcommands: [Add.self, List.self, Passwd.self, RoleChange.self, Disable.self, Enable.self],
        defaultSubcommand: List.self
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Добавить учётную запись.")

        @Argument(help: "Логин (без пробелов).") var login: String
        @Option(name: .long, help: "Имя владельца: «Фамилия И.О.».") var name: String
        @Option(name: .long, help: "Роль: admin, specialist, methodologist, viewer или school.") var role: String
        @Option(name: .long, help: "Код ОО — для роли school.") var school: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let role = Role(userValue: role.trimmingCharacters(in: .whitespaces)) else {
                throw UserError(
                    "Неизвестная роль «\(role)» (--role): укажите "
                        + Role.allCases.map { "\($0.rawValue) (\($0.russian))" }.joined(separator: ", ") + ".")
            }
            if role.needsSchool, school == nil {
                throw UserError("Для роли «\(role.russian)» укажите школу: --school КОД.")
            }
            let app = try database.app(.write)
            try await UsersCommand.checkLogin(login, app: app)
            let password = try PasswordInput.read()
            let account = try await app.addUser(
                login: login, fullName: name, role: role, schoolCode: school, password: password)
            Console.current.out("Учётная запись «\(account.login)» (\(account.role.russian)) добавлена.\n")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список учётных записей.")

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let users = try await database.app().listUsers()
            let table = AccountTables.list(users)
            try output.emit([table])
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd", abstract: "Задать учётной записи новый пароль (и снять блокировку).")

        @OptionGroup var account: AccountArguments

        func run() async throws {
            let (login, app) = (account.login, try account.database.app())
            guard try await app.listUsers().contains(where: { $0.login == login }) else {
                throw UserError("Учётной записи «\(login)» нет.")
            }
            try await app.changePassword(login: login, password: try PasswordInput.read())
            Console.current.out("Пароль учётной записи «\(login)» изменён.\n")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Отключить учётную запись (она остаётся в журнале).")

        @OptionGroup var account: AccountArguments

        func run() async throws {
            try await account.database.app().disableUser(login: account.login)
            Console.current.out("Учётная запись «\(account.login)» отключена.\n")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable", abstract: "Включить отключённую учётную запись (и снять блокировку).")

        @OptionGroup var account: AccountArguments

        func run() async throws {
            let app = try account.database.app()
            _ = try await app.user(login: account.login)
            try await app.setUserDisabled(login: account.login, false)
            Console.current.out("Учётная запись «\(account.login)» включена.\n")
        }
    }

    struct RoleChange: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role", abstract: "Сменить роль учётной записи (её сеансы завершаются).")

        @OptionGroup var account: AccountArguments
        @Option(name: .long, help: "Роль: admin, specialist, methodologist, viewer или school.") var role: String
        @Option(name: .long, help: "Код ОО — для роли school.") var school: String?

        func run() async throws {
            guard let value = Role(userValue: role.trimmingCharacters(in: .whitespaces)) else {
                throw UserError(
                    "Неизвестная роль «\(role)» (--role): укажите "
                        + Role.allCases.map { "\($0.rawValue) (\($0.russian))" }.joined(separator: ", ") + ".")
            }
            let app = try account.database.app()
            _ = try await app.user(login: account.login)
            if let problem = try await app.schoolProblems(role: value, schoolCode: school).first {
                throw UserError(problem.message + " (--school)")
            }
            try await app.setUserRole(login: account.login, role: value, schoolCode: school)
            Console.current.out("Учётная запись «\(account.login)»: роль «\(value.russian)».\n")
        }
    }

    /// A taken login is refused before the password is asked.
    static func checkLogin(_ login: String, app: NastavnikApp) async throws {
        if try await app.listUsers().contains(where: { $0.login == login }) {
            throw UserError("Логин «\(login)» уже занят.")
        }
    }
}
