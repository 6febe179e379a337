import ArgumentParser
import Foundation
import Testing

@testable import NastavnikCLI

/// `nastavnik audit` over changes made by commands, with `--by`.
@Suite struct AuditCommandTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static let importArguments = ["--by", "Кравцова Е.А."]
    static let files: [(String, String)] = [
        CSVFixture.schools("S1;Первая"),
        (
            "staff",
            "Табельный номер;ФИО;Код ОО;Должность;Категория\nT1;Иванова Анна Петровна;S1;учитель;первая\nT2;Петров Иван;S1;учитель;\n"
        ),
    ]

    func audit(_ arguments: [String]) async throws -> [[String: Any]] { try await json(["audit"] + arguments) }

    @Test func everyChangeWithWhoAndTheCommand() async throws {
        let moved = sandbox.write(
            "moved.csv", "Табельный номер;ФИО;Код ОО;Должность;Категория\nT1;Иванова Анна Петровна;S1;учитель;высшая\n")
        #expect(await run(["import", "staff", moved, "--db", db, "--by", "Смирнов"]).status == 0)
        let rows = try await audit(["--staff", "T1"])
        #expect(rows.count == 2)
        #expect(
            Set(rows[0].keys) == ["id", "at", "actor", "command", "table", "key", "action", "staff_id", "old", "new"])
        #expect(rows.map { $0["actor"] as? String } == ["Кравцова Е.А.", "Смирнов"])
        #expect(rows.map { $0["action"] as? String } == ["insert", "update"])
        #expect(rows[1]["old"] as? [String: String] == ["category": "first"])
        #expect(rows[1]["new"] as? [String: String] == ["category": "highest"])
        #expect((rows[1]["command"] as? String)?.hasPrefix("nastavnik import staff ") == true)
        // The table a person reads.
        let table = await run(["audit", "--db", db, "--staff", "T1"])
        #expect(table.out.contains("изменение"))
        #expect(table.out.contains("Квалификационная категория: первая → высшая"), "\(table.out)")
        #expect(!table.out.contains("category"))
        // The insert names the columns and the values in Russian too.
        #expect(table.out.contains("Квалификационная категория: первая; ФИО: Иванова"))
        #expect(!table.out.contains("full_name"))
        #expect(table.out.contains("Работники"))
    }

    @Test func aFailedImportAddsNothingToTheLog() async throws {
        let before = try await audit([]).count
        let bad = sandbox.write(
            "bad.csv", "Табельный номер;ФИО;Код ОО;Должность\nT3;Новая;S1;учитель\nT4;Другая;S9;учитель\n")
        #expect(await run(["import", "staff", bad, "--db", db]).status != 0)
        #expect(try await audit([]).count == before)
    }

    @Test func sinceLimitAndCSV() async throws {
        #expect(try await audit(["--since", "01.01.2100"]).isEmpty)
        #expect(try await audit(["--since", "01.01.2020"]).count == audit([]).count)
        // The newest entries, not the oldest.
        let newest = try await audit(["--limit", "1"])
        #expect(newest.count == 1)
        #expect(await newest.first?["id"] as? Int == (try audit([]).last?["id"] as? Int))
        let csv = await run(["audit", "--db", db, "--format", "csv"])
        #expect(csv.out.hasPrefix("\u{FEFF}Когда;Кто;Действие;Таблица;Запись;Табельный номер;Изменения;Команда\r\n"))
        #expect(await run(["audit", "--db", db, "--limit", "0"]).status != 0)
        let empty = await run(["audit", "--db", db, "--staff", "NOBODY"])
        #expect(empty.out.contains("Журнал пуст"))
    }
}
