import ArgumentParser
import Foundation
import Testing

@testable import NastavnikCLI

/// `nastavnik audit` over changes made by commands, with `--by`.
@Suite struct AuditCommandTests: DatabaseSuite {
    let sandbox: CLISandbox

    init() async throws {
        sandbox = try CLISandbox()
        let schools = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nS1;Первая\n")
        let staff = sandbox.write(
            "staff.csv",
            "Табельный номер;ФИО;Код ОО;Должность;Категория\nT1;Иванова Анна Петровна;S1;учитель;первая\nT2;Петров Иван;S1;учитель;\n"
        )
        for (kind, file) in [("schools", schools), ("staff", staff)] {
            let result = await run(["import", kind, file, "--db", db, "--by", "Кравцова Е.А."])
            try #require(result.status == 0, "\(result.err)")
        }
    }

    func json(_ arguments: [String]) async throws -> [[String: Any]] {
        let result = await run(["audit", "--db", db, "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.err)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
    }

    @Test func everyChangeWithWhoAndTheCommand() async throws {
        let moved = sandbox.write(
            "moved.csv", "Табельный номер;ФИО;Код ОО;Должность;Категория\nT1;Иванова Анна Петровна;S1;учитель;высшая\n")
        #expect(await run(["import", "staff", moved, "--db", db, "--by", "Смирнов"]).status == 0)
        let rows = try await json(["--staff", "T1"])
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
        let before = try await json([]).count
        let bad = sandbox.write(
            "bad.csv", "Табельный номер;ФИО;Код ОО;Должность\nT3;Новая;S1;учитель\nT4;Другая;S9;учитель\n")
        #expect(await run(["import", "staff", bad, "--db", db]).status != 0)
        #expect(try await json([]).count == before)
    }

    @Test func sinceLimitAndCSV() async throws {
        #expect(try await json(["--since", "01.01.2100"]).isEmpty)
        #expect(try await json(["--since", "01.01.2020"]).count == json([]).count)
        // The newest entries, not the oldest.
        let newest = try await json(["--limit", "1"])
        #expect(newest.count == 1)
        #expect(await newest.first?["id"] as? Int == (try json([]).last?["id"] as? Int))
        let csv = await run(["audit", "--db", db, "--format", "csv"])
        #expect(csv.out.hasPrefix("\u{FEFF}Когда;Кто;Действие;Таблица;Запись;Табельный номер;Изменения;Команда\r\n"))
        #expect(await run(["audit", "--db", db, "--limit", "0"]).status != 0)
        let empty = await run(["audit", "--db", db, "--staff", "NOBODY"])
        #expect(empty.out.contains("Журнал пуст"))
    }
}
