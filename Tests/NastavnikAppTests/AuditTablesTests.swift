import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore
import Testing

/// `AuditTables`: the audit log of a real change, as the table says it in Russian and JSON keeps it.
@Suite struct AuditTablesTests {
    @Test func aChangedCategoryIsSaidInWordsAndKeptAsStoredInJSON() async throws {
        let sandbox = try AppSandbox()
        let schools = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nA;Школа А\n")
        _ = try await sandbox.app.importFile(kind: .schools, path: schools, options: ImportOptions())
        let header = "Табельный номер;ФИО;Код ОО;Должность;Категория\n"
        for category in ["первая", "высшая"] {
            let staff = sandbox.write("staff.csv", header + "T1;Иванова Анна Петровна;A;учитель;\(category)\n")
            #expect(try await !sandbox.app.importFile(kind: .staff, path: staff, options: ImportOptions()).failed)
        }
        let entries = try await sandbox.app.auditEntries(since: nil, staffID: "T1", limit: nil)
        let table = AuditTables.table(entries)
        #expect(
            table.columns.map(\.key) == ["at", "actor", "action", "table", "key", "staff_id", "changes", "command"])
        let changes = try #require(table.columns.firstIndex { $0.key == "changes" })
        let texts = table.rows.compactMap { row -> String? in
            if case .text(let text) = row[changes] { text } else { nil }
        }
        #expect(texts.contains { $0.contains("Квалификационная категория: первая → высшая") }, "\(texts)")
        guard case .array(let json) = AuditTables.json(entries) else {
            Issue.record("the JSON is not an array")
            return
        }
        #expect(json.count == entries.count)
        #expect(AuditTables.table([]).emptyMessage == "Журнал пуст: изменений не найдено.")
    }
}
