import Foundation
import NastavnikCore
import NastavnikReports

/// Writes the rejected rows of an import as an `.xlsx` workbook: the file's own columns, a last
/// column «Ошибки», and every cell an error names filled red, so that a user fixes the rows where
/// they are and imports the workbook again.
final class RejectsWorkbook: RejectsSink {
    private let path: String
    private let header: [String]
    /// Where each header stands, trimmed as issues name it.
    private let position: [String: Int]
    private var rows: [[Cell]] = []
    private var flagged: Set<XLSXWriter.CellAddress> = []

    init(path: String, header: [String]) {
        self.path = path
        self.header = header
        position = Dictionary(
            header.enumerated().map { (CellValue.trimmed($1), $0) }, uniquingKeysWith: { first, _ in first })
    }

    func write(fields: [String], issues: [ImportIssue]) throws {
        var row = fields.prefix(header.count).map { Cell.text($0) }
        if row.count < header.count { row += Array(repeating: Cell.text(""), count: header.count - row.count) }
        for issue in issues {
            if let column = issue.column, let index = position[CellValue.trimmed(column)] {
                flagged.insert(XLSXWriter.CellAddress(row: rows.count, column: index))
            }
        }
        let messages = issues.map { issue in (issue.column.map { "«\($0)»: " } ?? "") + issue.message }
        rows.append(row + [.text(messages.joined(separator: "; "))])
    }

    func close() throws {
        guard !rows.isEmpty else { return }
        let table = ReportTable(
            columns: (header + ["Ошибки"]).enumerated().map { Column("c\($0)", $1) }, rows: rows)
        let bytes = try XLSXWriter().render(
            sheets: [XLSXWriter.Sheet(name: "Отклонённые строки", tables: [table], flagged: flagged)],
            title: "Отклонённые строки")
        guard
            FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { throw StoreLikeError("не удалось создать файл «\(path)»") }
        rows = []
    }
}
