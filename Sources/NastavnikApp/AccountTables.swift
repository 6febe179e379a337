import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The accounts as `users list` and the web's page of users show them.
public enum AccountTables {
    /// The accounts: login, name, role, school, whether disabled, locked until when.
    public static func list(_ users: [UserAccount]) -> ReportTable {
        ReportTable(
            title: "Учётные записи",
            columns: [
                Column("login", "Логин"), Column("name", "Имя"), Column("role", "Роль"), Column("school", "Школа"),
                Column("disabled", "Отключена"), Column("locked_until", "Заблокирована до"),
            ],
            rows: users.map { user in
                [
                    .text(user.login), .text(user.fullName), .text(user.role.russian), Cell(user.schoolCode),
                    .text(user.disabled ? "да" : "нет"), Cell(user.lockedUntil.map(localTime)),
                ]
            }, emptyMessage: "Учётных записей нет: добавьте первую командой nastavnik users add.")
    }

    /// A moment on this computer's clock, ДД.ММ.ГГГГ ЧЧ:ММ.
    public static func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "ru_RU")
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        return formatter.string(from: date)
    }
}
