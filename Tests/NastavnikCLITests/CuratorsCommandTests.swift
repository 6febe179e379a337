import Foundation
import Testing
@testable import NastavnikCLI

@Suite struct CuratorsCommandTests {
    let sandbox: CLISandbox
    let db: String

    init() throws {
        sandbox = try CLISandbox()
        db = sandbox.path("db.sqlite")
        // Three supported schools near two effective ones; E1 is strong in mathematics.
        let schools = """
            Код ОО;Наименование ОО;Статус;Широта;Долгота
            L1;МБОУ «Первая»;НОР;54,70;40,10
            L2;МБОУ «Вторая»;ЗПР;54,71;40,11
            L3;МБОУ «Третья»;НОР;54,90;40,50
            E1;МБОУ «Сильная»;эффективная;54,70;40,12
            E2;МБОУ «Дальняя»;эффективная;54,91;40,50

            """
        let results = """
            Код ОО;Год;Процедура;Предмет;Средний балл;Средний балл по региону
            L1;2024;ОГЭ;математика;3,0;4,0
            L2;2024;ОГЭ;математика;3,2;4,0
            L3;2024;ОГЭ;математика;3,1;4,0
            E1;2024;ОГЭ;математика;4,6;4,0
            E2;2024;ОГЭ;математика;3,9;4,0

            """
        for (kind, text) in [("schools", schools), ("results", results)] {
            precondition(run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db]).status == 0)
        }
    }

    func suggest(_ extra: [String] = []) throws -> [String: String] {
        let result = run(["curators", "suggest", "--db", db, "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.err)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["school_code"] as! String, ($0["curator_code"] as? String) ?? "-") })
    }

    @Test func suggestsTheCheapestPairsWithinCapacity() throws {
        // E1 is near L1 and L2 and strong in their weak subject; L3 goes to E2 nearby.
        #expect(try suggest() == ["L1": "E1", "L2": "E1", "L3": "E2"])
        // With one place each, one of L1/L2 must go far.
        let tight = try suggest(["--capacity", "1"])
        #expect(tight["L3"] == "E2")
        #expect(Set([tight["L1"], tight["L2"]]) == ["E1", "-"])
        #expect(try suggest(["--forbid", "L1:E1"])["L1"] == "E2")
        #expect(try suggest(["--lock", "L3:E1"])["L3"] == "E1")
    }

    @Test func assignListAndDraftTheOrder() throws {
        #expect(run(["curators", "assign", "L1", "E1", "--coordinator", "Кравцова Е.В.", "--order", "Приказ № 5", "--db", db]).status == 0)
        #expect(run(["curators", "assign", "L2", "E1", "--db", db]).status == 0)
        #expect(run(["curators", "assign", "L1", "L1", "--db", db]).status == 1)
        let list = run(["curators", "list", "--db", db, "--format", "csv"]).out
        #expect(list.contains("L1;МБОУ «Первая»;E1;МБОУ «Сильная»;;Кравцова Е.В."))
        // A kept pair costs less: continuity.
        let json = run(["curators", "suggest", "--db", db, "--format", "json"]).out
        #expect(json.contains("пара уже действует"))
        let order = run(["curators", "order", "--format", "md", "--db", db])
        #expect(order.out.contains("- МБОУ «Сильная» для МБОУ «Первая», МБОУ «Вторая»;"))
        #expect(order.out.contains("**О закреплении школ-кураторов**"))
        // Reassigning ends the earlier pairing.
        #expect(run(["curators", "assign", "L1", "E2", "--db", db]).status == 0)
        #expect(!run(["curators", "list", "--db", db, "--format", "csv"]).out.contains("L1;МБОУ «Первая»;E1"))
    }
}
