import Foundation
import NastavnikRegion
import NastavnikStore

/// The tables of the region's commands (`region status`, `region pushes`).
public enum RegionTables {
    /// Every municipality with its latest push and the rows the region holds for it.
    public static func status(_ lines: [RegionMunicipalityStatus]) -> ReportTable {
        ReportTable(
            title: "Муниципалитеты в региональной базе",
            columns: [
                Column("oktmo", "ОКТМО"), Column("name", "Муниципалитет"), Column("pushed_at", "Последняя отправка"),
                Column("as_of", "Данные на"), Column("batch", "Партия"), Column("pushes", "Отправок"),
                Column("personal_data", "ПДн"), Column("schools", "Школ"), Column("staff", "Работников"),
                Column("trainings", "Записей о КПК"), Column("rows", "Строк всего"),
            ],
            rows: lines.map { m in
                let total = RegionTable.all.reduce(0) { $0 + m.liveRows($1.name) }
                return [
                    .text(m.oktmo), .text(m.name), .text(m.lastPushAt.map(moment) ?? "—"),
                    .text(m.asOf.map(russianDate) ?? "—"), .text(m.lastBatch ?? "—"), .integer(m.pushes),
                    .text(m.personalData.map { $0 ? "да" : "нет" } ?? "—"),
                    .integer(m.liveRows(RegionTable.school.name)), .integer(m.liveRows(RegionTable.person.name)),
                    .integer(m.liveRows(RegionTable.training.name)), .integer(total),
                ]
            })
    }

    /// This database's acknowledged pushes.
    public static func pushes(_ records: [RegionPushRecord]) -> ReportTable {
        ReportTable(
            title: "Отправки в региональную базу",
            columns: [
                Column("pushed_at", "Когда"), Column("region", "Региональная база"), Column("batch", "Партия"),
                Column("as_of", "Данные на"), Column("personal_data", "ПДн"), Column("added", "Добавлено"),
                Column("changed", "Изменено"), Column("deleted", "Помечено удалёнными"),
                Column("unchanged", "Без изменений"),
            ],
            rows: records.map { r in
                [
                    .text((try? Date.ISO8601FormatStyle().parse(r.pushedAt)).map(moment) ?? r.pushedAt),
                    .text(r.region), .text(r.batch), .text(russianDate(r.asOf)),
                    .text(r.personalData ? "да" : "нет"), .integer(r.added), .integer(r.changed), .integer(r.deleted),
                    .integer(r.unchanged),
                ]
            })
    }

    // «ДД.ММ.ГГГГ ЧЧ:ММ» in Moscow time, as a department reads the time of a push.
    static func moment(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "ru_RU")
        formatter.timeZone = TimeZone(identifier: "Europe/Moscow")
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        return formatter.string(from: date) + " МСК"
    }

    // `YYYY-MM-DD` as «ДД.ММ.ГГГГ».
    static func russianDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}
