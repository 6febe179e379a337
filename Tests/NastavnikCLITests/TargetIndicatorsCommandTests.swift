import Foundation
import Testing

@testable import NastavnikCLI

/// `indicators define|baseline|target|set|list|report` on a small municipality: A is НОР, B ЗПР,
/// C effective (outside the НОР, ЗР population of 1.2).
@Suite struct TargetIndicatorsCommandTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static var files: [(String, String)] {
        let results = """
            Код ОО;Год;Процедура;Предмет;Класс;Участников;Средний балл;Средний балл по региону;Получили «2»
            A;2025;ВПР;математика;5;20;3,2;3,6;4
            B;2025;ВПР;русский язык;5;10;3,5;3,6;1
            C;2025;ВПР;математика;5;30;4,4;3,6;0

            """
        return [
            ("schools", "Код ОО;Наименование ОО;Статус\nA;Школа А;НОР\nB;Школа Б;ЗПР\nC;Школа В;эффективная\n"),
            ("results", results),
            ("social", "Код ОО;Год;Обучающихся;Оставлены на повторное обучение\nA;2025;100;2\n"),
        ]
    }

    func ok(_ arguments: [String]) async {
        let result = await run(["indicators"] + arguments + ["--db", db])
        #expect(result.status == 0, "\(arguments): \(result.err)")
    }

    @Test func reportGivesBaselineTargetActualAndOnTrackPerSchoolAndMunicipality() async throws {
        await ok(["baseline", "1.2", "--year", "2024", "--value", "20"])
        await ok(["target", "1.2", "--year", "2025", "--value", "17"])
        await ok(["target", "1.2", "--year", "2025", "--value", "10", "--school", "A"])
        let rows = try await json(["indicators", "report", "--year", "2025"])
        let municipal = try #require(rows.first { $0["code"] as? String == "1.2" && $0["school_code"] == nil })
        #expect(
            Set(municipal.keys) == ["code", "name", "population", "baseline", "target", "actual", "on_track"])
        // 4 + 1 of 30 participants; C is outside the population.
        #expect(abs((municipal["actual"] as? Double ?? 0) - 500.0 / 30) < 1e-9)
        #expect(municipal["baseline"] as? Double == 20)
        #expect(municipal["target"] as? Double == 17)
        // Lower is better for the share of «2»: 16,7 against 17 is on track.
        #expect(municipal["on_track"] as? Bool == true)
        let a = try #require(rows.first { $0["code"] as? String == "1.2" && $0["school_code"] as? String == "A" })
        #expect(a["actual"] as? Double == 20 && a["target"] as? Double == 10 && a["on_track"] as? Bool == false)
        #expect(a["baseline"] is NSNull)
        #expect(!rows.contains { $0["code"] as? String == "1.2" && $0["school_code"] as? String == "C" })
        // 1.3 has no target: on_track is null.
        let repeaters = try #require(rows.first { $0["code"] as? String == "1.3" && $0["school_code"] == nil })
        #expect(repeaters["actual"] as? Double == 2 && repeaters["on_track"] is NSNull)
        let onlyA = try await json(["indicators", "report", "--year", "2025", "--school", "A"])
        #expect(!onlyA.isEmpty && onlyA.allSatisfy { $0["school_code"] as? String == "A" })
        let text = await run(["indicators", "report", "--year", "2025", "--db", db])
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("Целевые показатели за 2025 год"))
        #expect(text.out.contains("муниципалитет") && text.out.contains("A Школа А"))
        #expect(text.out.contains("16,7 %") && text.out.contains("0,3"))
    }

    @Test func aHandEnteredValueOnlyWhereTheDataGiveNone() async throws {
        let refused = await run(["indicators", "set", "1.2", "--year", "2025", "--value", "12", "--db", db])
        #expect(refused.status != 0)
        #expect(refused.err.contains("Показатель «1.2» вычисляется по загруженным данным: за 2025 год"))
        await ok(["set", "1.2", "--year", "2022", "--value", "30,5"])
        let rows = try await json(["indicators", "report", "--year", "2022"])
        #expect(rows.first { $0["code"] as? String == "1.2" }?["actual"] as? Double == 30.5)
        let out = await run(["indicators", "set", "1.2", "--year", "2022", "--value", "120", "--db", db])
        #expect(out.err.contains("Доля в процентах — от 0 до 100 (--value 120)"))
        let unknown = await run(["indicators", "target", "9.9", "--year", "2025", "--value", "1", "--db", db])
        #expect(unknown.err.contains("Показатель «9.9» не найден"))
        let school = await run(
            ["indicators", "target", "1.2", "--year", "2025", "--value", "1", "--school", "ZZ", "--db", db])
        #expect(school.err.contains("Школа с кодом «ZZ» не найдена (--school)."))
    }

    @Test func theMunicipalityDefinesItsOwnIndicators() async throws {
        let taken = await run(["indicators", "define", "1.1", "--name", "x", "--population", "y", "--db", db])
        #expect(taken.status != 0 && taken.err.contains("Код «1.1» занят предопределённым показателем"))
        await ok([
            "define", "М1", "--name", "Доля школ с программой развития", "--population", "школы с НОР",
            "--lower-is-better",
        ])
        let again = await run(["indicators", "define", "м1", "--name", "x", "--population", "y", "--db", db])
        #expect(again.err.contains("Показатель с кодом «М1» уже есть."))
        await ok(["set", "М1", "--year", "2025", "--value", "40"])
        await ok(["target", "М1", "--year", "2025", "--value", "50"])
        let row = try #require(
            try await json(["indicators", "report", "--year", "2025"]).first { $0["code"] as? String == "М1" })
        #expect(row["actual"] as? Double == 40 && row["on_track"] as? Bool == true)
        let list = await run(["indicators", "list", "--db", db])
        #expect(list.out.contains("М1") && list.out.contains("вводится вручную") && list.out.contains("СТ4"))
    }

    /// The staff shares stay: `indicators` alone and `indicators staff`.
    @Test func theStaffSharesStay() async throws {
        for arguments in [["indicators"], ["indicators", "staff"]] {
            let result = await run(arguments + ["--as-of", "01.06.2026", "--db", db, "--format", "json"])
            #expect(result.status == 0, "\(result.err)")
            #expect(try jsonObject(result.out)["indicators"] != nil)
        }
    }
}
