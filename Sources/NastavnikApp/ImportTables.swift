import Foundation
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore

/// An import as the front ends show it: the sentence the CLI prints after `import`, a file's
/// errors and warnings as a table (where, column, value, what is wrong), and the import log.
public enum ImportTables {
    /// The sentence that sums an import up: what was (or, for a dry run, would be) added,
    /// changed and left unchanged, or why nothing was written. `dryRunNote` ends a dry run's
    /// sentence (the CLI names its `--dry-run`).
    public static func sentence(
        _ summary: ImportSummary, failed: Bool, dryRunNote: String = " Ничего не записано (--dry-run)."
    ) -> String {
        let kindName = ImportKind(rawValue: summary.kind)?.russianTitle ?? summary.kind
        // The kind is unknown when it could not be told from the headers.
        let title = kindName.isEmpty ? "«\(summary.file)»" : "«\(summary.file)» (\(kindName))"
        if failed {
            let rows = Set(summary.errors.compactMap(\.line)).count
            var text =
                "Импорт \(title) не выполнен: \(RussianPlural.count(summary.errors.count, "ошибка", "ошибки", "ошибок"))"
            if rows > 0 { text += " в \(RussianPlural.count(rows, "строке", "строках", "строках"))" }
            return text + ". База данных не изменена."
        }
        let verb = summary.dryRun ? "Проверка \(title): будет добавлено" : "Импорт \(title): добавлено"
        var text = "\(verb) \(summary.added), изменено \(summary.changed), без изменений \(summary.unchanged)"
        if !summary.warnings.isEmpty { text += ", предупреждений \(summary.warnings.count)" }
        text += "."
        if summary.dryRun { text += dryRunNote }
        return text
    }

    /// A file's errors or warnings, one a row, in the file's order: the line (or a workbook's
    /// cell), the column, the value and what is wrong with it.
    public static func issues(_ issues: [ImportIssue], title: String, emptyMessage: String) -> ReportTable {
        ReportTable(
            title: title,
            columns: [
                Column("line", "Строка или ячейка"), Column("column", "Столбец"), Column("value", "Значение"),
                Column("problem", "Что не так"),
            ],
            rows: issues.map { issue in
                let (problem, value) = split(issue.message)
                return [
                    .text(issue.cell ?? issue.line.map(String.init) ?? "весь файл"), Cell(issue.column), Cell(value),
                    .text(problem),
                ]
            }, emptyMessage: emptyMessage)
    }

    /// A message «what is wrong (value)» split into what is wrong and the value: an issue's
    /// message ends with the offending value in parentheses (`ImportIssue.message`); a message
    /// without one has no value.
    public static func split(_ message: String) -> (problem: String, value: String?) {
        guard message.hasSuffix(")") else { return (message, nil) }
        // The opening parenthesis that matches the last one: a value may hold parentheses itself.
        var depth = 0
        var index = message.endIndex
        while index > message.startIndex {
            index = message.index(before: index)
            switch message[index] {
            case ")": depth += 1
            case "(": depth -= 1
            default: break
            }
            if depth == 0 { break }
        }
        guard depth == 0, message[index] == "(", index > message.startIndex else { return (message, nil) }
        let value = String(message[message.index(after: index)..<message.index(before: message.endIndex)])
        let problem = message[..<index].trimmingCharacters(in: .whitespaces)
        return (problem.isEmpty ? message : problem, value)
    }

    /// The import log, newest first: when, who, the file, its hash, the kind and the counts.
    public static func log(_ entries: [ImportLogEntry]) -> ReportTable {
        ReportTable(
            title: "",
            columns: [
                Column("at", "Когда"), Column("by", "Кто"), Column("file", "Файл"), Column("kind", "Вид"),
                Column("added", "Добавлено"), Column("changed", "Изменено"), Column("unchanged", "Без изменений"),
                Column("warnings", "Предупреждений"), Column("sha256", "SHA-256 файла"),
            ],
            rows: entries.map { entry in
                [
                    .text(entry.at.map(AuditTables.localTime) ?? entry.importedAt), Cell(entry.importedBy),
                    .text(entry.fileName), .text(ImportKind(rawValue: entry.kind)?.russianTitle ?? entry.kind),
                    .integer(entry.added), .integer(entry.changed), .integer(entry.unchanged), .integer(entry.warnings),
                    .text(entry.sha256),
                ]
            }, emptyMessage: "Журнал импорта пуст: файлы ещё не загружались.")
    }
}
