import Foundation
import Testing

@testable import NastavnikCLI

@Suite struct ClassifyCommandTests {
    @Test func classifyProposesStatusesWithReasonsAndListsDifferences() async throws {
        let sandbox = try await CLISandbox(importing: [
            ("schools", "Код ОО;Наименование ОО;Статус\nA;Школа А;НОР\nB;Школа Б;\nC;Школа В;эффективная\n"),
            (
                "results",
                "Код ОО;Год;Процедура;Предмет;Средний балл;Количество участников;Средний балл по региону\nA;2024;ОГЭ;математика;3,0;10;3,8\nB;2024;ОГЭ;математика;3,9;10;3,8\nC;2024;ОГЭ;математика;4,5;10;3,8\nA;2023;ОГЭ;математика;3,1;10;3,9\nB;2023;ОГЭ;математика;4,2;10;3,9\nC;2023;ОГЭ;математика;4,4;10;3,9\n"
            ),
            (
                "social",
                "Код ОО;Год;Доля обучающихся из семей в ТЖС;Доля обучающихся из неполных семей\nA;2024;40%;35%\n"
            ),
        ])
        let db = sandbox.db
        let rows = try jsonArray(await run(["schools", "classify", "--db", db, "--format", "json"]).out)
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0["code"] as! String, $0) })
        #expect(byCode["A"]?["proposed"] as? [String] == ["НОР", "ШНСУ"])
        #expect((byCode["A"]?["reason"] as? String)?.contains("индекс социального неблагополучия 37,5") == true)
        #expect(byCode["A"]?["differs"] as? Bool == true)
        #expect(byCode["C"]?["proposed"] as? [String] == ["эффективная"])
        #expect(byCode["C"]?["rank"] as? Int == 1)
        #expect(byCode["B"]?["proposed"] as? [String] == ["ЗПР"])
        let differences = try jsonArray(
            await run(["schools", "classify", "--db", db, "--format", "json", "--differences"]).out)
        #expect(differences.map { $0["code"] as? String } == ["A", "B"])
    }

    /// Ставрополь: ЕГЭ and ОГЭ decide, ВПР does not; a missing region mean is said, not replaced.
    @Test func classifyByGIAWithVPRShownApartAndMissingRegionMeansSaid() async throws {
        var results = "Код ОО;Год;Процедура;Предмет;Класс;Средний балл;Количество участников;Средний балл по региону\n"
        for year in 2023...2025 {
            results += "N;\(year);ОГЭ;математика;9;3,4;20;4,0\n"
            for grade in 4...8 { results += "N;\(year);ВПР;математика;\(grade);3,78;25;3,6\n" }
            results += "M;\(year);ОГЭ;математика;9;3,0;20;\n"
            results += "M;\(year);ВПР;математика;5;3,9;20;3,6\n"
        }
        let sandbox = try await CLISandbox(importing: [
            CSVFixture.schools("N;Школа Н", "M;Школа М"), ("results", results),
        ])
        let db = sandbox.db
        let out = await run(["schools", "classify", "--db", db, "--format", "json"])
        #expect(out.status == 0, "\(out.err)")
        let rows = try jsonArray(out.out)
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0["code"] as! String, $0) })
        // 0,85 on ОГЭ with ВПР at 1,05 (five rows a year): НОР, not a school without a status.
        #expect(byCode["N"]?["proposed"] as? [String] == ["НОР"])
        #expect(abs((byCode["N"]?["relative"] as? Double ?? 0) - 0.85) < 0.001)
        #expect(abs((byCode["N"]?["other_relative"] as? Double ?? 0) - 1.05) < 0.001)
        #expect((byCode["N"]?["reason"] as? String)?.contains("(настройка classification.low_results)") == true)
        // No region mean for M's ОГЭ: said, and no status from results (its ВПР does not decide).
        #expect(byCode["M"]?["proposed"] as? [String] == [])
        let reason = byCode["M"]?["reason"] as? String ?? ""
        #expect(
            reason.contains(
                "нет среднего балла по региону: ОГЭ 2023, математика, 9 кл.; ОГЭ 2024, математика, 9 кл.; ОГЭ 2025, математика, 9 кл."
            ))
        // The department may measure against the municipality's mean instead; a cut-off is a setting.
        #expect(
            await run([
                "settings", "set", "classification.missing_region_mean", "средний по муниципалитету", "--db", db,
            ]).status == 0)
        #expect(await run(["settings", "set", "classification.low_results", "0,8", "--db", db]).status == 0)
        let again = try jsonArray(await run(["schools", "classify", "--db", db, "--format", "json"]).out)
        let n = try #require(again.first { $0["code"] as? String == "N" })
        #expect(n["proposed"] as? [String] == ["ЗПР"])
        let m = try #require(again.first { $0["code"] as? String == "M" })
        #expect((m["reason"] as? String)?.contains("взят средний балл по муниципалитету") == true)
    }

    @Test func statusSetsTheOfficialStatusesByAnOrder() async throws {
        let sandbox = try await CLISandbox(importing: [("schools", "Код ОО;Наименование ОО;Статус\nA;Школа А;НОР\n")])
        let db = sandbox.db
        let set = await run([
            "schools", "status", "A", "--set", "ЗПР, ШНСУ", "--order-number", "45", "--order-date", "01.12.2026",
            "--db", db,
        ])
        #expect(set.status == 0, "\(set.err)")
        #expect(set.out == "Школа A: НОР → ЗПР, ШНСУ (Приказ № 45 от 01.12.2026).\n")
        let list = try jsonArray(await run(["schools", "list", "--db", db, "--format", "json"]).out)
        #expect(list.first?["statuses"] as? [String] == ["ЗПР", "ШНСУ"])
        let contradictory = await run([
            "schools", "status", "A", "--set", "эффективная, НОР", "--order-number", "46", "--order-date",
            "01.12.2026", "--db", db,
        ])
        #expect(contradictory.status == 1 && contradictory.err.contains("Статусы противоречат друг другу"))
        let noNumber = await run([
            "schools", "status", "A", "--set", "", "--order-number", " ", "--order-date", "01.12.2026", "--db", db,
        ])
        #expect(noNumber.status == 1 && noNumber.err.contains("укажите номер приказа"))
        let unknown = await run([
            "schools", "status", "Z", "--set", "НОР", "--order-number", "1", "--order-date", "01.12.2026", "--db", db,
        ])
        #expect(unknown.status == 1 && unknown.err.contains("Школа с кодом «Z» не найдена."))
        #expect(
            try jsonArray(await run(["schools", "list", "--db", db, "--format", "json"]).out).first?["statuses"]
                as? [String] == ["ЗПР", "ШНСУ"])
    }
}
