import Foundation
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// Issue #16, «Who the rules apply to», through the commands: position kinds and their
/// corrections, the newcomers' 3-year rule, молодой специалист, attestation.
@Suite struct StaffRulesCommandTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static let importArguments = ["--as-of", "01.09.2025"]
    static let files: [(String, String)] = [
        CSVFixture.schools("S1;Первая"),
        (
            "staff",
            """
            Табельный номер;ФИО;Код ОО;Должность;Дата рождения;Педстаж, лет;Категория;Дата аттестации;Дата назначения на должность
            T1;Алексеева Анна;S1;учитель;01.01.1999;1;;;01.09.2025
            T2;Борисова Бэлла;S1;педагог-психолог;01.01.1995;13;;;01.09.2015
            T3;Власов Виктор;S1;директор;01.01.1970;30;;;01.09.2010
            T4;Глебова Галина;S1;заведующий хозяйством;01.01.1980;;;;
            T5;Дмитриева Дарья;S1;учитель;01.01.1980;20;педагог-методист;01.03.2024;01.09.2005
            ;Егорова Елена;S1;учитель;01.01.1975;25;высшая;10.05.2021;01.09.2001
            ;Жукова Жанна;S1;учитель;01.01.1976;25;СЗД;01.03.2024;01.09.2001
            T8;Зайцева Зоя;S1;аниматор;01.01.1990;10;;;01.09.2020

            """
        ),
    ]

    /// One teacher with «педагог-методист» used to make the whole file fail.
    @Test func newCategoriesImport() async throws {
        let card = try await json(["staff", "list"])
        #expect(card.first { $0["staff_id"] as? String == "T5" }?["category"] as? String == "педагог-методист")
    }

    @Test func unknownTitleIsAWarningNamingTheKind() async {
        let again = await run(["import", "staff", sandbox.path("staff.csv"), "--db", db, "--as-of", "01.09.2025"])
        #expect(again.status == 0)
        #expect(again.err.contains("отнесена к виду «прочий персонал»"))
        #expect(again.err.contains("staff.csv:9:"))
        #expect(again.err.contains("(аниматор)"))
    }

    @Test func positionsListAndCorrection() async throws {
        let before = try await json(["staff", "positions"])
        let kinds = Dictionary(uniqueKeysWithValues: before.map { ($0["position"] as! String, $0["kind"] as! String) })
        #expect(kinds["педагог-психолог"] == "педагогический работник")
        #expect(kinds["директор"] == "руководящий работник")
        #expect(kinds["заведующий хозяйством"] == "прочий персонал")
        #expect(before.first { $0["position"] as? String == "учитель" }?["count"] as? Int == 4)
        // A correction is stored, applied to every row of the title, and kept by later imports.
        let set = await run(["staff", "positions", "--set", "Аниматор", "--kind", "педагогический", "--db", db])
        #expect(set.status == 0, "\(set.err)")
        #expect(set.err.contains("изменено записей: 1"))
        let after = try await json(["staff", "positions"])
        #expect(
            after.first { $0["position"] as? String == "аниматор" }?["kind"] as? String == "педагогический работник")
        let again = await run(["import", "staff", sandbox.path("staff.csv"), "--db", db, "--as-of", "01.09.2025"])
        #expect(again.status == 0)
        #expect(!again.err.contains("аниматор"))
        let database = try NastavnikDatabase(path: db)
        #expect(try database.positions().first { $0.title == "аниматор" }?.kind == .pedagogical)
        // A bad kind is refused in Russian, naming the option and the value.
        let bad = await run(["staff", "positions", "--set", "лаборант", "--kind", "учитель", "--db", db])
        #expect(bad.status != 0)
        #expect(bad.err.contains("Неизвестный вид «учитель» в --kind"))
    }

    @Test func newcomersAreNotInBreachAndOtherStaffAreOutsideTheRule() async throws {
        let rows = try await json(["training", "status", "--as-of", "22.11.2026"])
        let ids = rows.map { ($0["staff_id"] as? String) ?? ($0["full_name"] as! String) }
        // The завхоз is outside every staff rule; the psychologist is in.
        #expect(!ids.contains("T4"))
        #expect(ids.contains("T2"))
        let t1 = try #require(rows.first { $0["staff_id"] as? String == "T1" })
        // «Педстаж, лет» 1 as of the file's date (01.09.2025): began 01.09.2024, due 01.09.2027.
        #expect(t1["teaching_since"] as? String == "2024-09-01")
        #expect(t1["due_by"] as? String == "2027-09-01")
        #expect(t1["compliant"] as? Bool == true)
        let overdue = try await json(["training", "status", "--as-of", "22.11.2026", "--non-compliant"]).map {
            ($0["staff_id"] as? String) ?? ""
        }
        #expect(!overdue.contains("T1"))
        #expect(overdue.contains("T2"))
    }

    /// The indicators count those trained within 3 years over all pedagogical and leading staff:
    /// a newcomer within the rule is not counted as trained; the завхоз and the аниматор (other) are not staff of the rule.
    @Test func indicatorsCountTrainedWithinThreeYears() async throws {
        let result = await run(["indicators", "--as-of", "22.11.2026", "--db", db, "--format", "json"])
        let schools = try #require(try jsonObject(result.out)["schools"] as? [[String: Any]])
        let total = try #require(schools.first { $0["school"] as? String == "Муниципалитет" })
        #expect(total["staff"] as? Int == 6)
        #expect(total["trained_share"] as? Double == 0)
    }

    @Test func earlyCareerNeedsBothConditionsAndAges() async throws {
        func early(_ date: String) async throws -> Set<String> {
            await Set(
                try json(["staff", "list", "--as-of", date]).filter { $0["early_career"] as? Bool == true }.compactMap {
                    $0["staff_id"] as? String
                })
        }
        // T1: 26 years old, 2 years of work. T2 is 31 with 13 years: not an early-career teacher.
        #expect(try await early("22.11.2026") == ["T1"])
        // Experience ages: two years on, T1 has 4 years.
        #expect(try await early("22.11.2028") == [])
        // Either condition, as a setting.
        #expect(
            await run(["settings", "set", "staff.early_career.conditions", "любое условие", "--db", db]).status == 0)
        #expect(try await early("22.11.2026") == ["T1", "T2"])
    }

    @Test func attestationReadsEveryonesDatesAndOnlyPedagogicalWorkers() async throws {
        let due = try await json(["attestation", "due", "--until", "31.12.2027", "--as-of", "22.11.2026"])
        let names = due.map { $0["full_name"] as! String }
        // Without a personnel number: Егорова's «высшая» of 2021 expires 10.05.2026; Жукова's СЗД of 2024 is not due.
        #expect(names.contains("Егорова Елена"))
        #expect(due.first { $0["full_name"] as? String == "Егорова Елена" }?["due"] as? String == "2026-05-10")
        #expect(!names.contains("Жукова Жанна"))
        // The director and the завхоз are not attested by the Порядок; T1 is in the post since 2025 (exempt).
        #expect(
            !names.contains("Власов Виктор") && !names.contains("Глебова Галина") && !names.contains("Алексеева Анна"))
        // T2 has 13 years in the post and no attestation on record: due, and it is overdue.
        #expect(names.contains("Борисова Бэлла"))
    }

    @Test func templateDescribesTheNewColumn() async {
        let described = await run(["template", "staff", "--describe"])
        #expect(described.out.contains("Дата назначения на должность"))
    }
}
