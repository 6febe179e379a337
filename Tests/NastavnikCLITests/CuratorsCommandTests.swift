import Foundation
import Testing

@testable import NastavnikCLI

@Suite struct CuratorsCommandTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static var files: [(String, String)] {
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
        return [("schools", schools), ("results", results)]
    }

    func suggest(_ extra: [String] = []) async throws -> [String: String] {
        let result = await run(["curators", "suggest", "--db", db, "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.err)")
        let rows = try jsonArray(result.out)
        return Dictionary(
            uniqueKeysWithValues: rows.map { ($0["school_code"] as! String, ($0["curator_code"] as? String) ?? "-") })
    }

    /// E1 curates L1 (with a coordinator and an order) and L2: the pairs the order tests draft.
    func assignTwoPairs(sourceLocation: SourceLocation = #_sourceLocation) async {
        #expect(
            await run([
                "curators", "assign", "L1", "E1", "--coordinator", "Кравцова Е.В.", "--order", "Приказ № 5", "--db", db,
            ]).status == 0, sourceLocation: sourceLocation)
        #expect(
            await run(["curators", "assign", "L2", "E1", "--db", db]).status == 0, sourceLocation: sourceLocation)
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
        let rows = try jsonArray(result.out)
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
        #expect(
            await run(["curators", "suggest", "--db", db, "--lock", "E1:E2"]).err.contains("не нуждается в кураторе"))
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
        await assignTwoPairs()
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

/// Defects found in the conformance review (R1) of issue #16, on real SQLite files.
@Suite struct CuratorsSuggestTests {
    /// A refused capacity stores nothing: the old `curators suggest --school-capacity C1=5` stored
    /// the capacity and then refused the `--lock` (or the next, malformed capacity), leaving the
    /// data changed by a failed command; the capacity is now `curators capacity`'s alone.
    @Test func aRefusedCapacityStoresNothing() async throws {
        let sandbox = try await CLISandbox(importing: [
            (
                "schools",
                """
                Код ОО;Наименование ОО;Статус
                A1;Альфа;НОР
                C1;Гамма;эффективная
                E1;Эпсилон;

                """
            )
        ])
        let db = sandbox.db
        func suggestion() async -> String { await run(["curators", "suggest", "--db", db, "--format", "json"]).out }
        let before = await suggestion()
        let locked = await run(["curators", "suggest", "--lock", "A1:E1", "--db", db])
        #expect(locked.status == 1)
        #expect(locked.err.contains("E1 не может быть куратором"))
        #expect(await run(["curators", "capacity", "C1", "x", "--db", db]).status != 0)
        #expect(await run(["curators", "capacity", "C1", "--db", db]).status != 0)
        // C1 still curates A1: its capacity was not set to 0.
        let after = await suggestion()
        #expect(after == before)
        let rows = try jsonArray(after)
        #expect(rows.first?["curator_code"] as? String == "C1")
    }
}

extension CuratorsSuggestTests {
    /// Curator matching measures a result without the region's mean as classification does: left
    /// out by default, against the municipality's mean only with the setting
    /// classification.missing_region_mean. The old code silently took the municipal mean, so a
    /// school came out weak in a subject no region figure said it was.
    @Test func aResultWithoutTheRegionsMeanIsLeftOutUnlessTheSettingSaysSo() async throws {
        let sandbox = try await CLISandbox(importing: [
            (
                "schools",
                """
                Код ОО;Наименование ОО;Статус;Муниципалитет
                A1;Альфа;НОР;М
                C1;Гамма;эффективная;М
                D1;Дельта;;М

                """
            ),
            (
                "results",
                """
                Код ОО;Год;Процедура;Предмет;Класс;Участников;Средний балл;Средний балл по региону
                A1;2024;ЕГЭ;математика;11;10;40;
                C1;2024;ЕГЭ;математика;11;10;50;
                D1;2024;ЕГЭ;математика;11;10;60;

                """
            ),
        ])
        let db = sandbox.db
        func uncovered() async throws -> [String] {
            let out = await run(["curators", "suggest", "--db", db, "--format", "json"]).out
            let rows = try jsonArray(out)
            return (rows.first?["uncovered_subjects"] as? [String]) ?? []
        }
        #expect(try await uncovered() == [])
        #expect(
            await run([
                "settings", "set", "classification.missing_region_mean", "средний по муниципалитету", "--db", db,
            ]).status == 0)
        #expect(try await uncovered() == ["математика"])
    }
}
