import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The audit log as `audit` shows it: a table in Russian (when, who, what, the changes in words)
/// and JSON with the stored keys for programs.
public enum AuditTables {
    /// The log's entries as a table, newest as given.
    public static func table(_ entries: [AuditEntry]) -> ReportTable {
        let columns = [
            Column("at", "Когда"), Column("actor", "Кто"), Column("action", "Действие"), Column("table", "Таблица"),
            Column("key", "Запись"), Column("staff_id", "Табельный номер"), Column("changes", "Изменения"),
            Column("command", "Команда"),
        ]
        return ReportTable(
            title: "", columns: columns,
            rows: entries.map { entry in
                [
                    .text(localTime(entry.at)), .text(entry.actor), .text(entry.action.russian),
                    .text(AuditVocabulary.tables[entry.table] ?? entry.table), Cell(entry.key), Cell(entry.staffID),
                    .text(changes(entry)), Cell(entry.command),
                ]
            }, emptyMessage: "Журнал пуст: изменений не найдено.")
    }

    /// The entries for programs: stored table and column names, old and new values as stored.
    public static func json(_ entries: [AuditEntry]) -> JSONValue {
        JSONValue.array(
            entries.map { entry in
                .object([
                    ("id", .integer(Int(entry.id))), ("at", .string(entry.timestamp)),
                    ("actor", .string(entry.actor)), ("command", entry.command.map(JSONValue.string) ?? .null),
                    ("table", .string(entry.table)), ("key", entry.key.map(JSONValue.string) ?? .null),
                    ("action", .string(entry.action.rawValue)),
                    ("staff_id", entry.staffID.map(JSONValue.string) ?? .null),
                    ("old", object(entry.oldValues)), ("new", object(entry.newValues)),
                ])
            })
    }

    static func object(_ values: [String: AuditValue]) -> JSONValue {
        .object(
            values.keys.sorted().map { key in
                let value: JSONValue =
                    switch values[key]! {
                    case .null: .null
                    case .integer(let v): .integer(Int(v))
                    case .real(let v): .number(v)
                    case .text(let s): .string(s)
                    }
                return (key, value)
            })
    }

    /// «поле: было → стало» for an update, the values for an insert or a deletion.
    public static func changes(_ entry: AuditEntry) -> String {
        let skipped: Set<String> = ["id", "person_key"]
        let label = { (column: String) in AuditVocabulary.label(table: entry.table, column: column) }
        let shown = { (column: String, value: AuditValue?) in
            value.map { AuditVocabulary.value(table: entry.table, column: column, $0) } ?? "—"
        }
        switch entry.action {
        case .update:
            return entry.newValues.keys.sorted().map { key in
                "\(label(key)): \(shown(key, entry.oldValues[key])) → \(shown(key, entry.newValues[key]))"
            }.joined(separator: "; ")
        case .insert, .delete:
            let values = entry.action == .insert ? entry.newValues : entry.oldValues
            return values.keys.sorted().filter { !skipped.contains($0) && values[$0] != .null }
                .map { "\(label($0)): \(shown($0, values[$0]))" }.joined(separator: "; ")
        case .restore:
            let kept = entry.newValues["kept"].map { "; прежний файл сохранён как \($0.description)" } ?? ""
            return "база восстановлена из «\(entry.newValues["from"]?.description ?? "?")»\(kept)"
        case .bulkInsert:
            let rows = entry.newValues["rows"]?.description ?? "?"
            return
                "добавлено строк: \(rows) (№ \(entry.newValues["first_row_id"]?.description ?? "?")–\(entry.newValues["last_row_id"]?.description ?? "?"))"
        }
    }

    /// The local Gregorian calendar, made once: the log may list a million entries.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar
    }()

    /// The start of `date` in the local time zone (`--since`).
    public static func localMidnight(_ date: LocalDate) -> Date {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
            ?? Date(timeIntervalSince1970: 0)
    }

    /// A moment as the local date and time («01.12.2026 14:05:09»).
    public static func localTime(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = LocalDate(year: c.year ?? 1, month: c.month ?? 1, day: c.day ?? 1)?.russian ?? ""
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(day) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }
}
