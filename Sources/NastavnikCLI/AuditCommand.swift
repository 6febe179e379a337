import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// `nastavnik audit`: who changed what, when, with the old and new values.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Журнал изменений: кто, когда, какая запись, прежние и новые значения.")

    @Option(name: .long, help: "С какой даты (ДД.ММ.ГГГГ, по местному времени).") var since: LocalDate?
    @Option(name: .long, help: "Только записи о работнике с этим табельным номером.") var staff: String?
    @Option(name: .long, help: "Только последние N записей.") var limit: Int?
    @OptionGroup var output: OutputOptions<PrintFormat.Lists>
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let limit, limit <= 0 { throw ValidationError("--limit должен быть больше нуля.") }
    }

    func run() async throws {
        let entries = try await database.app().auditEntries(
            since: since.map { Self.localMidnight($0) }, staffID: staff, limit: limit)
        let columns = [
            Column("at", "Когда"), Column("actor", "Кто"), Column("action", "Действие"), Column("table", "Таблица"),
            Column("key", "Запись"), Column("staff_id", "Табельный номер"), Column("changes", "Изменения"),
            Column("command", "Команда"),
        ]
        let table = ReportTable(
            title: "", columns: columns,
            rows: entries.map { entry in
                [
                    .text(Self.localTime(entry.at)), .text(entry.actor), .text(entry.action.russian),
                    .text(AuditVocabulary.tables[entry.table] ?? entry.table), Cell(entry.key), Cell(entry.staffID),
                    .text(Self.changes(entry)), Cell(entry.command),
                ]
            }, emptyMessage: "Журнал пуст: изменений не найдено.")
        let json = JSONValue.array(
            entries.map { entry in
                .object([
                    ("id", .integer(Int(entry.id))), ("at", .string(entry.timestamp)),
                    ("actor", .string(entry.actor)), ("command", entry.command.map(JSONValue.string) ?? .null),
                    ("table", .string(entry.table)), ("key", entry.key.map(JSONValue.string) ?? .null),
                    ("action", .string(entry.action.rawValue)),
                    ("staff_id", entry.staffID.map(JSONValue.string) ?? .null),
                    ("old", Self.object(entry.oldValues)), ("new", Self.object(entry.newValues)),
                ])
            })
        try output.emit([table], json: json)
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
    static func changes(_ entry: AuditEntry) -> String {
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

    static func localMidnight(_ date: LocalDate) -> Date {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
            ?? Date(timeIntervalSince1970: 0)
    }

    static func localTime(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = LocalDate(year: c.year ?? 1, month: c.month ?? 1, day: c.day ?? 1)?.russian ?? ""
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(day) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }
}
