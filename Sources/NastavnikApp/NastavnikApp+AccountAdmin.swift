import Foundation
import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The account with this login; a login not on record is refused.
    public func user(login: String) async throws -> UserAccount {
        guard let account = try database.user(login: login) else {
            throw AppError("Учётная запись «\(login)» не найдена.")
        }
        return account
    }

    /// The version of account `login` a form that changes it is opened with (`RecordVersion`).
    public func userVersion(login: String) async throws -> Int64 {
        try database.recordVersion([NastavnikDatabase.accountPart(login)]).id
    }

    /// What is wrong with a new account, field by field (`login`, `name`, `school`, `password`),
    /// for a form that shows each problem beside its field; `addUser` refuses the same.
    public func accountProblems(login: String, fullName: String, role: Role, schoolCode: String?, password: String?)
        async throws -> [(field: String, message: String)]
    {
        var problems: [(field: String, message: String)] = []
        if login.isEmpty {
            problems.append(("login", "Укажите логин: латинские буквы, цифры, точка или дефис, без пробелов."))
        } else if login.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) }) {
            problems.append(("login", "Логин «\(login)» не подходит: в нём не может быть пробелов."))
        } else if try database.user(login: login) != nil {
            problems.append(("login", "Логин «\(login)» уже занят."))
        }
        if fullName.isEmpty { problems.append(("name", "Укажите имя владельца учётной записи: «Фамилия И.О.».")) }
        problems += try await schoolProblems(role: role, schoolCode: schoolCode)
        if let password { problems += try await passwordProblems(password) }
        return problems
    }

    /// What is wrong with the school of an account of `role`: a school's account names a known
    /// school, other roles none.
    public func schoolProblems(role: Role, schoolCode: String?) async throws -> [(field: String, message: String)] {
        if role.needsSchool {
            guard let schoolCode, !schoolCode.isEmpty else {
                return [("school", "Для роли «\(Role.school.russian)» укажите код школы.")]
            }
            if try database.schools(status: nil).contains(where: { $0.code == schoolCode }) { return [] }
            return [("school", "Школа с кодом «\(schoolCode)» не найдена.")]
        }
        if let schoolCode, !schoolCode.isEmpty {
            return [
                (
                    "school",
                    "Школа («\(schoolCode)») указывается только для роли «\(Role.school.russian)»: оставьте поле пустым."
                )
            ]
        }
        return []
    }

    /// What is wrong with a new password (the setting `accounts.password_min_length`).
    public func passwordProblems(_ password: String) async throws -> [(field: String, message: String)] {
        let minimum = try await passwordMinimumLength()
        guard password.count < minimum else { return [] }
        return [("password", "Пароль слишком короткий: \(password.count) симв., нужно не меньше \(minimum).")]
    }

    /// Sets account `login`'s role and school; with `expectedVersion`, an account changed since
    /// its form was opened is refused (`StaleRecordError`). A changed role ends its sessions.
    public func setUserRole(login: String, role: Role, schoolCode: String?, expectedVersion: Int64? = nil)
        async throws
    {
        try database.setRole(login: login, role: role, schoolCode: schoolCode, expectedVersion: expectedVersion)
    }

    /// Disables account `login` (ending its sessions) or enables it again; with `expectedVersion` as `setUserRole`.
    public func setUserDisabled(login: String, _ disabled: Bool, expectedVersion: Int64? = nil) async throws {
        try database.setDisabled(login: login, disabled, expectedVersion: expectedVersion)
    }

    /// The admin's reset of account `login`'s password (the length rule of `addUser`); its lock is
    /// lifted and its sessions end. With `expectedVersion` as `setUserRole`.
    public func resetUserPassword(login: String, password: String, expectedVersion: Int64? = nil) async throws {
        if let problem = try await passwordProblems(password).first { throw AppError(problem.message) }
        try database.resetPassword(login: login, password: password, expectedVersion: expectedVersion)
    }
}
