import Foundation
import Testing
@testable import NastavnikCLI

@Suite struct CuratorsCommandTests {
    let sandbox: CLISandbox
    let db: String

    init() async throws {
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
            try #require(await run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db]).status == 0)
        }
    }

    func suggest(_ extra: [String] = []) async throws -> [String: String] {
        let result = await run(["curators", "suggest", "--db", db, "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.err)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["school_code"] as! String, ($0["curator_code"] as? String) ?? "-") })
    }

    @Test func suggestsTheCheapestPairsWithinCapacity() async throws {
        // E1 is near L1 and L2 and strong in their weak subject; L3 goes to E2 nearby.
        #expect(try await suggest() == ["L1": "E1", "L2": "E1", "L3": "E2"])
        // With one place each, one of L1/L2 must go far.
        let tight = try await suggest(["--capacity", "1"])
        #expect(tight["L3"] == "E2")
        #expect(Set([tight["L1"], tight["L2"]]) == ["E1", "-"])
        #expect(try await suggest(["--forbid", "L1:E1"])["L1"] == "E2")
        // E1 may take two: the capacity of one school, kept in the database by `curators capacity`.
        #expect(await run(["curators", "capacity", "E1", "2", "--db", db]).status == 0)
        #expect(try await suggest(["--capacity", "1"]) == ["L1": "E1", "L2": "E1", "L3": "E2"])
        #expect(try await suggest(["--lock", "L3:E1"])["L3"] == "E1")
    }

    /// `suggest` is a read: it takes no capacity to store (it used to store `--school-capacity`
    /// as a side effect), and the capacities `curators capacity` wrote stay as they were.
    @Test func suggestLeavesCapacitiesUntouched() async throws {
        let set = await run(["curators", "capacity", "E1", "0", "--db", db, "--by", "Кравцова Е.А."])
        #expect(set.status == 0, "\(set.err)")
        #expect(set.out == "Школа E1 может курировать школ: 0.\n")
        let before = try await suggest()
        #expect(!before.values.contains("E1"), "\(before)")
        let old = await run(["curators", "suggest", "--school-capacity", "E1=2", "--db", db])
        #expect(old.status != 0)
        #expect(old.err.contains("--school-capacity"), "\(old.err)")
        #expect(try await suggest() == before)
        // A school's own capacity holds whatever the default.
        #expect(await !(try suggest(["--capacity", "3"])).values.contains("E1"))
        // The write is in the audit log under the name given.
        let audit = await run(["audit", "--db", db])
        #expect(audit.out.contains("Может курировать школ"), "\(audit.out)")
        #expect(audit.out.contains("Кравцова Е.А."), "\(audit.out)")
    }

    /// `curators capacity` refuses a code no school has, naming it, and a negative or non-numeric
    /// capacity; a refused command changes nothing.
    @Test func capacityRefusesUnknownSchoolsAndBadNumbers() async throws {
        let before = try await suggest()
        let unknown = await run(["curators", "capacity", "ZZ", "2", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.err.contains("Не найдено в базе данных: школа «ZZ»."), "\(unknown.err)")
        let negative = await run(["curators", "capacity", "E1", "--db", db, "--", "-1"])
        #expect(negative.status != 0)
        #expect(negative.err.contains("не может быть отрицательной: -1"), "\(negative.err)")
        #expect(await run(["curators", "capacity", "E1", "два", "--db", db]).status != 0)
        #expect(try await suggest() == before)
    }

    /// A school cannot be both effective and НОР: the file is refused (it used to be stored,
    /// and the school offered as its own possible curator).
    @Test func contradictoryStatusesAreRefused() async throws {
        let both = "Код ОО;Наименование ОО;Статус;Широта;Долгота\nB1;МБОУ «Двойная»;\"НОР, эффективная\";54,70;40,10\n"
        let result = await run(["import", "schools", sandbox.write("both.csv", both), "--db", db])
        #expect(result.status == 1)
        #expect((result.out + result.err).contains("статусы противоречат друг другу: «эффективная» и «НОР»"))
        #expect(try await suggest()["B1"] == nil)
    }

    /// A ШНСУ school is offered a curator (it never was); a school left without one says why.
    @Test func everySchoolNeedingSupportGetsACuratorOrAReason() async throws {
        let more = "Код ОО;Наименование ОО;Статус;Широта;Долгота\nA1;МБОУ «Сельская»;ШНСУ;54,70;40,10\n"
        #expect(await run(["import", "schools", sandbox.write("more.csv", more), "--db", db]).status == 0)
        #expect(try await suggest()["A1"] != "-")
        let result = await run(["curators", "suggest", "--db", db, "--format", "json", "--capacity", "1"])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 4)
        let left = rows.filter { $0["curator_code"] == nil || $0["curator_code"] is NSNull }
        #expect(left.count == 2)
        #expect(left.allSatisfy { ($0["reason"] as? String)?.contains("нет свободного места") == true })
    }

    /// `--lock` and `assign` onto a school that may not curate are refused with the reason; the
    /// department may allow another status (setting curators.statuses).
    @Test func lockOntoASchoolThatMayNotCurateIsRefused() async throws {
        let lock = await run(["curators", "suggest", "--db", db, "--lock", "L1:L2"])
        #expect(lock.status == 1)
        #expect(lock.err.contains("Пару L1:L2 (--lock) закрепить нельзя: школа L2 не может быть куратором: статус ЗПР"))
        let assign = await run(["curators", "assign", "L1", "L2", "--db", db])
        #expect(assign.status == 1 && assign.err.contains("не может быть куратором"))
        #expect(await run(["curators", "suggest", "--db", db, "--lock", "E1:E2"]).err.contains("не нуждается в кураторе"))
        #expect(await run(["settings", "set", "curators.statuses", "эффективная, ЗПР", "--db", db]).status == 0)
        #expect(try await suggest(["--lock", "L1:L2"])["L1"] == "L2")
    }

    /// An imported pairing whose curator may not curate is stored (the order stands) with a warning.
    @Test func anImportedPairingTheRulesRefuseIsAWarning() async throws {
        let file = sandbox.write("pairs.csv", "Код ОО;Код школы-куратора\nL1;L2\nL3;E1\n")
        let result = await run(["import", "curators", file, "--db", db])
        #expect(result.status == 0)
        #expect((result.out + result.err).contains("пара L1 ← L2: школа L2 не может быть куратором"))
        #expect(!(result.out + result.err).contains("пара L3 ← E1"))
    }

    @Test func pairsAndCapacitiesAreChecked() async throws {
        for (args, message) in [
            (["--lock", "L1:ZZ"], "Нет школы с кодом «ZZ» (--lock L1:ZZ)."),
            (["--forbid", "L1-E1"], "Пара «L1-E1» в --forbid записывается как ШКОЛА:КУРАТОР."),
            (["--lock", "L1:E1", "--lock", "L1:E2"], "Школа L1 закреплена дважды: за E1 и за E2."),
            (["--lock", "L1:L1"], "Школа не может курировать сама себя (--lock L1:L1)."),
            (["--capacity=-3"], "Вместимость (--capacity) не может быть отрицательной: -3."),
        ] {
            let result = await run(["curators", "suggest", "--db", db] + args)
            #expect(result.status == 1, "\(args)")
            #expect(result.err.contains(message), "\(args): \(result.err)")
        }
    }

    @Test func assignListAndDraftTheOrder() async throws {
        #expect(await run(["curators", "assign", "L1", "E1", "--coordinator", "Кравцова Е.В.", "--order", "Приказ № 5", "--db", db]).status == 0)
        #expect(await run(["curators", "assign", "L2", "E1", "--db", db]).status == 0)
        #expect(await run(["curators", "assign", "L1", "L1", "--db", db]).status == 1)
        let list = await run(["curators", "list", "--db", db, "--format", "csv"]).out
        #expect(list.contains("L1;МБОУ «Первая»;E1;МБОУ «Сильная»;;Кравцова Е.В."))
        // A kept pair costs less: continuity.
        let json = await run(["curators", "suggest", "--db", db, "--format", "json"]).out
        #expect(json.contains("пара уже действует"))
        let order = await run(["curators", "order", "--format", "md", "--db", db])
        #expect(order.out.contains("- МБОУ «Сильная» для МБОУ «Первая», МБОУ «Вторая»;"))
        #expect(order.out.contains("**О закреплении школ-кураторов**"))
        // The appendix lists each pair, grouped by curator school; in XLSX it is the workbook.
        #expect(order.out.contains("Приложение к приказу. Закрепление школ-кураторов"))
        #expect(order.out.contains("| 1 | E1 | МБОУ «Сильная» |  | L1 | МБОУ «Первая» | Кравцова Е.В. |"))
        #expect(order.out.contains("| 2 | E1 | МБОУ «Сильная» |  | L2 | МБОУ «Вторая» |  |"))
        let xlsx = sandbox.path("order.xlsx")
        #expect(await run(["curators", "order", "--format", "xlsx", "--output", xlsx, "--db", db]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: xlsx)).starts(with: [0x50, 0x4B, 0x03, 0x04]))
        // Reassigning ends the earlier pairing.
        #expect(await run(["curators", "assign", "L1", "E2", "--db", db]).status == 0)
        #expect(!(await run(["curators", "list", "--db", db, "--format", "csv"])).out.contains("L1;МБОУ «Первая»;E1"))
    }
}

@Suite struct ClassifyAndMentoringTests {
    @Test func classifyProposesStatusesWithReasonsAndListsDifferences() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        for (kind, text) in [
            ("schools", "Код ОО;Наименование ОО;Статус\nA;Школа А;НОР\nB;Школа Б;\nC;Школа В;эффективная\n"),
            ("results", "Код ОО;Год;Процедура;Предмет;Средний балл;Количество участников;Средний балл по региону\nA;2024;ОГЭ;математика;3,0;10;3,8\nB;2024;ОГЭ;математика;3,9;10;3,8\nC;2024;ОГЭ;математика;4,5;10;3,8\nA;2023;ОГЭ;математика;3,1;10;3,9\nB;2023;ОГЭ;математика;4,2;10;3,9\nC;2023;ОГЭ;математика;4,4;10;3,9\n"),
            ("social", "Код ОО;Год;Доля обучающихся из семей в ТЖС;Доля обучающихся из неполных семей\nA;2024;40%;35%\n"),
        ] {
            try #require(await run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db]).status == 0)
        }
        let rows = try #require(JSONSerialization.jsonObject(with: Data(await run(["schools", "classify", "--db", db, "--format", "json"]).out.utf8)) as? [[String: Any]])
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0["code"] as! String, $0) })
        #expect(byCode["A"]?["proposed"] as? [String] == ["НОР", "ШНСУ"])
        #expect((byCode["A"]?["reason"] as? String)?.contains("индекс социального неблагополучия 37,5") == true)
        #expect(byCode["A"]?["differs"] as? Bool == true)
        #expect(byCode["C"]?["proposed"] as? [String] == ["эффективная"])
        #expect(byCode["C"]?["rank"] as? Int == 1)
        #expect(byCode["B"]?["proposed"] as? [String] == ["ЗПР"])
        let differences = try #require(JSONSerialization.jsonObject(with: Data(await run(["schools", "classify", "--db", db, "--format", "json", "--differences"]).out.utf8)) as? [[String: Any]])
        #expect(differences.map { $0["code"] as? String } == ["A", "B"])
    }

    /// Ставрополь: ЕГЭ and ОГЭ decide, ВПР does not; a missing region mean is said, not replaced.
    @Test func classifyByGIAWithVPRShownApartAndMissingRegionMeansSaid() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        var results = "Код ОО;Год;Процедура;Предмет;Класс;Средний балл;Количество участников;Средний балл по региону\n"
        for year in 2023...2025 {
            results += "N;\(year);ОГЭ;математика;9;3,4;20;4,0\n"
            for grade in 4...8 { results += "N;\(year);ВПР;математика;\(grade);3,78;25;3,6\n" }
            results += "M;\(year);ОГЭ;математика;9;3,0;20;\n"
            results += "M;\(year);ВПР;математика;5;3,9;20;3,6\n"
        }
        for (kind, text) in [("schools", "Код ОО;Наименование ОО\nN;Школа Н\nM;Школа М\n"), ("results", results)] {
            try #require(await run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db]).status == 0)
        }
        let out = await run(["schools", "classify", "--db", db, "--format", "json"])
        #expect(out.status == 0, "\(out.err)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [[String: Any]])
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0["code"] as! String, $0) })
        // 0,85 on ОГЭ with ВПР at 1,05 (five rows a year): НОР, not a school without a status.
        #expect(byCode["N"]?["proposed"] as? [String] == ["НОР"])
        #expect(abs((byCode["N"]?["relative"] as? Double ?? 0) - 0.85) < 0.001)
        #expect(abs((byCode["N"]?["other_relative"] as? Double ?? 0) - 1.05) < 0.001)
        #expect((byCode["N"]?["reason"] as? String)?.contains("(настройка classification.low_results)") == true)
        // No region mean for M's ОГЭ: said, and no status from results (its ВПР does not decide).
        #expect(byCode["M"]?["proposed"] as? [String] == [])
        let reason = byCode["M"]?["reason"] as? String ?? ""
        #expect(reason.contains("нет среднего балла по региону: ОГЭ 2023, математика, 9 кл.; ОГЭ 2024, математика, 9 кл.; ОГЭ 2025, математика, 9 кл."))
        // The department may measure against the municipality's mean instead; a cut-off is a setting.
        #expect(await run(["settings", "set", "classification.missing_region_mean", "средний по муниципалитету", "--db", db]).status == 0)
        #expect(await run(["settings", "set", "classification.low_results", "0,8", "--db", db]).status == 0)
        let again = try #require(JSONSerialization.jsonObject(with: Data(await run(["schools", "classify", "--db", db, "--format", "json"]).out.utf8)) as? [[String: Any]])
        let n = try #require(again.first { $0["code"] as? String == "N" })
        #expect(n["proposed"] as? [String] == ["ЗПР"])
        let m = try #require(again.first { $0["code"] as? String == "M" })
        #expect((m["reason"] as? String)?.contains("взят средний балл по муниципалитету") == true)
    }

    @Test func mentoringSuggestAssignAndLog() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        for (kind, text) in [
            ("schools", "Код ОО;Наименование ОО\nS1;Школа\nS2;Другая\n"),
            ("staff", """
                Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности;Категория
                Y1;Молодая Анна;S1;учитель;математика;01.01.2001;01.09.2025;
                M1;Опытная Вера;S1;учитель;математика;01.01.1970;01.09.1992;высшая
                M2;Опытный Олег;S1;учитель;история;01.01.1968;01.09.1990;высшая
                M3;Далёкая Ольга;S2;учитель;математика;01.01.1970;01.09.1992;высшая

                """),
        ] {
            try #require(await run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db]).status == 0)
        }
        let rows = try #require(JSONSerialization.jsonObject(with: Data(await run(["mentoring", "suggest", "--db", db, "--as-of", "22.11.2026", "--format", "json"]).out.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["mentee_id"] as? String } == ["Y1"])
        #expect(rows[0]["mentor_id"] as? String == "M1")
        #expect((rows[0]["reason"] as? String)?.contains("общий предмет: математика") == true)
        #expect(await run(["mentoring", "assign", "M1", "Y1", "--form", "учитель – учитель", "--consent", "01.09.2026", "--start", "01.09.2026", "--db", db]).status == 0)
        #expect(await run(["mentoring", "meeting", "1", "--date", "15.09.2026", "--note", "план работы", "--db", db]).status == 0)
        let list = await run(["mentoring", "list", "--db", db, "--format", "csv"]).out
        #expect(list.contains("Опытная Вера;S1;Y1;Молодая Анна;S1;учитель – учитель;01.09.2026;;01.09.2026;1"))
        // Suggest leaves out those who already have a mentor.
        #expect(await run(["mentoring", "suggest", "--db", db, "--as-of", "22.11.2026"]).out.contains("Наставляемых без наставника нет."))
        #expect(await run(["mentoring", "end", "1", "--date", "31.05.2027", "--db", db]).status == 0)
        #expect(await run(["mentoring", "end", "9", "--db", db]).status == 1)
    }
}
