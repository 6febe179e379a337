import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore
import Testing

/// `ImportTables`: a file's errors as a table with the value apart, and the import log of real imports.
@Suite struct ImportTablesTests {
    @Test func aMessagesValueIsTheLastBracketedPartEvenWithBracketsInside() {
        #expect(ImportTables.split("неверная дата (31.02.1980)") == ("неверная дата", "31.02.1980"))
        #expect(ImportTables.split("нет школы (Школа (филиал))") == ("нет школы", "Школа (филиал)"))
        #expect(ImportTables.split("файл пуст: нет строки заголовков") == ("файл пуст: нет строки заголовков", nil))
        #expect(ImportTables.split("(только значение)") == ("(только значение)", nil))
        #expect(ImportTables.split("скобка не закрыта)") == ("скобка не закрыта)", nil))
    }

    @Test func aRefusedFilesErrorsAreRowsOfLineColumnValueAndProblem() async throws {
        let sandbox = try AppSandbox()
        let schools = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nA;Школа А\n")
        _ = try await sandbox.app.importFile(kind: .schools, path: schools, options: ImportOptions())
        let staff = sandbox.write(
            "staff.csv",
            "Табельный номер;ФИО;Код ОО;Должность;Дата рождения\nT1;Иванова Анна Петровна;A;учитель;31.02.1980\n"
                + "T2;Петров Пётр Петрович;NOPE;учитель;01.01.1990\n")
        let outcome = try await sandbox.app.importFile(kind: .staff, path: staff, options: ImportOptions(dryRun: true))
        #expect(outcome.failed)
        let table = ImportTables.issues(outcome.summary.errors, title: "Ошибки", emptyMessage: "")
        #expect(table.columns.map(\.key) == ["line", "column", "value", "problem"])
        #expect(
            table.rows.map { $0.prefix(3).map(\.display) } == [
                ["2", "Дата рождения", "31.02.1980"], ["3", "Код ОО", "NOPE"],
            ])
        #expect(
            ImportTables.sentence(outcome.summary, failed: true).hasSuffix(
                "не выполнен: 2 ошибки в 2 строках. База данных не изменена."))
        #expect(try await sandbox.app.importLogCount() == 1)
    }

    @Test func theLogListsEachImportNewestFirstWithWhoAndTheHash() async throws {
        let sandbox = try AppSandbox()
        let first = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nA;Школа А\n")
        var options = ImportOptions(importedBy: "Петрова П.П. (petrova)")
        _ = try await sandbox.app.importFile(kind: .schools, path: first, options: options)
        let second = sandbox.write("школы-2.csv", "Код ОО;Наименование ОО\nA;Школа А\nB;Школа Б\n")
        options.importedBy = "Сидоров С.С. (sidorov)"
        _ = try await sandbox.app.importFile(kind: nil, path: second, options: options)
        // A dry run is not an import.
        _ = try await sandbox.app.importFile(kind: nil, path: second, options: ImportOptions(dryRun: true))
        let entries = try await sandbox.app.importLog(limit: nil)
        #expect(entries.map(\.fileName) == ["школы-2.csv", "schools.csv"])
        #expect(try await sandbox.app.importLogCount() == 2)
        #expect(try await sandbox.app.importLog(offset: 1, limit: 1).map(\.fileName) == ["schools.csv"])
        let table = ImportTables.log(entries)
        let row = try #require(table.rows.first).map(\.display)
        #expect(row[1] == "Сидоров С.С. (sidorov)" && row[2] == "школы-2.csv")
        #expect(row[3] == "образовательные организации")
        #expect(row[4...6] == ["1", "0", "1"])
        let hash = HexDigest.sha256(Array(try Data(contentsOf: URL(fileURLWithPath: second))))
        #expect(row[8] == hash)
    }
}
