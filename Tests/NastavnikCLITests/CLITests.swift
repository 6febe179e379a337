import Foundation
import Testing
@testable import NastavnikCLI
import NastavnikStore

/// Runs a command line with a capturing console.
func run(_ arguments: [String]) async -> (status: Int32, out: String, err: String) {
    let console = Console(capturing: true)
    let status = await Console.$current.withValue(console) { await NastavnikCommand.runMain(arguments) }
    return (status, console.output, console.errors)
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let seedsPath = repositoryRoot.appendingPathComponent("Seeds").path

final class CLISandbox {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nastavnik-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func write(_ name: String, _ text: String) -> String {
        FileManager.default.createFile(atPath: path(name), contents: Data(text.utf8))
        return path(name)
    }
}

func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite struct DemoTests {
    @Test func demoLoadsAllSeedsAndPrintsAnOverview() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("demo.sqlite")
        let result = await run(["demo", "--db", db, "--seeds", seedsPath, "--as-of", "22.11.2026"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "")
        #expect(result.out.contains("Демонстрационная база создана"))
        #expect(result.out.contains("НОР — школа с низкими образовательными результатами: 6"))
        #expect(result.out.contains("Без повышения квалификации за последние 3 года (на 22.11.2026"))
        let database = try NastavnikDatabase(path: db)
        let counts = try await database.writer.read { db in
            try ["school", "staff", "course", "training", "diagnostic_result", "assessment_result", "social_context",
                 "curator_pairing", "mentorship", "roadmap"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
        #expect(counts[0] >= 30)
        #expect(counts[1] >= 600)
        #expect(counts.allSatisfy { $0 > 0 })
        #expect(counts[9] == 5)
        // Three years of assessment results.
        let years = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT year) FROM assessment_result") }
        #expect(years == 3)
        // Every term of the five seed roadmaps is read into dates or deliberately undated.
        let (unreadable, dated, undated) = try await database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM activity WHERE term_flag = 'unreadable'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT activity_id) FROM activity_occurrence WHERE start_date IS NOT NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM activity WHERE term_flag IN ('continuous', 'bySchedule')") ?? 0)
        }
        #expect(unreadable == 0)
        #expect(dated + undated >= 168)

        // Running it again replaces the demo database instead of failing.
        #expect(await run(["demo", "--db", db, "--seeds", seedsPath]).status == 0)
    }

    @Test func demoRefusesToReplaceRealData() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("real.sqlite")
        let schools = sandbox.write("s.csv", "Код ОО;Наименование ОО\nR1;Настоящая школа\n")
        #expect(await run(["import", "schools", schools, "--db", db]).status == 0)
        let result = await run(["demo", "--db", db, "--seeds", seedsPath])
        #expect(result.status == 1)
        #expect(result.err.contains("уже содержит рабочие данные"))
        let database = try NastavnikDatabase(path: db)
        #expect(try await database.writer.read { db in try String.fetchOne(db, sql: "SELECT code FROM school") } == "R1")
    }
}

@Suite struct ImportCommandTests {
    @Test func jsonSummaryOfASuccessfulImport() async throws {
        let sandbox = try CLISandbox()
        let file = sandbox.write("schools.csv", "Код ОО;Наименование ОО;Цвет\nS1;Первая;синий\n")
        let result = await run(["import", "schools", file, "--db", sandbox.path("db.sqlite"), "--format", "json"])
        #expect(result.status == 0)
        let json = try jsonObject(result.out)
        #expect(json["kind"] as? String == "schools")
        #expect(json["file"] as? String == file)
        #expect(json["added"] as? Int == 1)
        #expect(json["changed"] as? Int == 0)
        #expect(json["unchanged"] as? Int == 0)
        #expect((json["errors"] as? [Any])?.isEmpty == true)
        let warning = try #require((json["warnings"] as? [[String: Any]])?.first)
        #expect(warning["column"] as? String == "Цвет")
        #expect(warning["line"] as? Int == 1)
    }

    @Test func failedImportExitsNonZeroPrintsEveryErrorAndChangesNothing() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        let file = sandbox.write("bad.csv", "Код ОО;Наименование ОО;Широта;Долгота\nS1;;91;40\nS2;Вторая;54;40\n")
        let json = await run(["import", file, "--db", db, "--format", "json"])
        #expect(json.status == 1)
        let summary = try jsonObject(json.out)
        let errors = try #require(summary["errors"] as? [[String: Any]])
        #expect(errors.count == 2)
        #expect(errors[0]["line"] as? Int == 2)
        #expect(errors[0]["column"] as? String == "Наименование ОО")
        #expect(errors[0]["message"] as? String == "обязательное значение не заполнено")
        let table = await run(["import", file, "--db", db])
        #expect(table.status == 1)
        #expect(table.err.contains("\(file):2: столбец «Широта»: значение вне допустимых пределов -90–90 (91)"))
        #expect(table.out.contains("не выполнен: 2 ошибки в 1 строке. База данных не изменена."))
        let database = try NastavnikDatabase(path: db)
        #expect(try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM school") } == 0)
    }

    @Test func dryRunAndRejects() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        let file = sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Первая\n")
        let dry = await run(["import", "schools", file, "--db", db, "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.out.contains("будет добавлено 1"))
        #expect(dry.out.contains("Ничего не записано"))
        let bad = sandbox.write("b.csv", "Код ОО;Наименование ОО\nS1;\n")
        let rejects = sandbox.path("rejects.csv")
        #expect(await run(["import", "schools", bad, "--db", db, "--rejects", rejects]).status == 1)
        let content = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(content.contains("Ошибки"))
        #expect(content.contains("обязательное значение не заполнено"))
    }

    @Test func unknownKindAndEncodingAreRefusedClearly() async throws {
        let sandbox = try CLISandbox()
        let file = sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Первая\n")
        let kind = await run(["import", "pupils", file, "--db", sandbox.path("db.sqlite")])
        #expect(kind.status != 0)
        #expect(kind.err.contains("Неизвестный вид «pupils»"))
        let encoding = await run(["import", file, "--input-encoding", "koi8-r", "--db", sandbox.path("db.sqlite")])
        #expect(encoding.status == 1)
        #expect(encoding.err.contains("Неизвестная кодировка «koi8-r»"))
        let missing = await run(["import", sandbox.path("nope.csv"), "--db", sandbox.path("db.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.err.contains("файл не найден"))
    }

    @Test func templatePrintsTheRussianHeaderRow() async {
        let result = await run(["template", "staff"])
        #expect(result.status == 0)
        #expect(result.out == "Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности;Педстаж;Квалификационная категория;Дата аттестации;E-mail;Телефон;Дата назначения на должность\r\n")
        #expect(await run(["template", "roadmap", "--describe"]).out.contains("Мероприятие (обязательный)"))
    }
}

@Suite struct BrowseTests {
    let sandbox: CLISandbox
    let db: String

    init() async throws {
        sandbox = try CLISandbox()
        db = sandbox.path("db.sqlite")
        let schools = sandbox.write("schools.csv", "Код ОО;Наименование ОО;Статус\nS1;Первая;эффективная\nS2;Вторая;НОР\n")
        let staff = sandbox.write("staff.csv", """
            Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности;Категория
            T1;Иванова Анна;S2;учитель;математика;01.01.1980;01.09.2002;высшая
            T2;Петров Пётр;S2;учитель;"физика; астрономия";01.01.2000;01.09.2025;

            """)
        let curators = sandbox.write("cur.csv", "Код ОО;Код школы-куратора;Муниципальный координатор\nS2;S1;Кравцова Е.В.\n")
        let trainings = sandbox.write("t.csv", "Табельный номер;Код программы;Организатор;Часы;Дата окончания\nT1;Курс А;ИРО;36;01.03.2025\n")
        for (kind, file) in [("schools", schools), ("staff", staff), ("curators", curators), ("trainings", trainings)] {
            let result = await run(["import", kind, file, "--db", db])
            precondition(result.status == 0, result.err)
        }
    }

    @Test func schoolsListInEveryFormat() async throws {
        let table = await run(["schools", "list", "--db", db])
        #expect(table.status == 0)
        #expect(table.out.contains("\nS2      Вторая                       НОР          нет                                           2  S1\n"))
        let csv = await run(["schools", "list", "--db", db, "--format", "csv"])
        #expect(csv.out.hasPrefix("\u{FEFF}Код ОО;Наименование;"))
        #expect(csv.out.contains("S2;Вторая;;НОР;нет;;2;S1\r\n"))
        let json = await run(["schools", "list", "--db", db, "--format", "json", "--status", "НОР"])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["code"] as? String == "S2")
        #expect(rows[0]["curators"] as? [String] == ["S1"])
        #expect(rows[0]["staff"] as? Int == 2)
    }

    @Test func schoolShow() async throws {
        let json = await run(["schools", "show", "S2", "--db", db, "--format", "json", "--as-of", "22.11.2026"])
        let object = try jsonObject(json.out)
        #expect(object["curated_by"] as? [String] == ["S1 Первая"])
        #expect(object["coordinator"] as? [String] == ["Кравцова Е.В."])
        #expect(object["trained_share"] as? Double == 50)
        let missing = await run(["schools", "show", "S9", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.err == "Ошибка: Школа с кодом «S9» не найдена.\n")
    }

    @Test func staffListAndCard() async throws {
        let json = await run(["staff", "list", "--school", "S2", "--db", db, "--format", "json", "--as-of", "22.11.2026"])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["staff_id"] as? String } == ["T1", "T2"])
        #expect(rows[1]["early_career"] as? Bool == true)
        #expect(rows[1]["subjects"] as? [String] == ["физика", "астрономия"])
        #expect(rows[0]["trained_within_3_years"] as? Bool == true)
        let card = await run(["staff", "show", "T1", "--db", db, "--as-of", "22.11.2026"])
        #expect(card.status == 0)
        #expect(card.out.contains("Иванова Анна"))
        #expect(card.out.contains("Курс А (вне каталога)"))
        #expect(card.out.contains("Диагностику не проходил(а)."))
        let byName = await run(["staff", "show", "петров пётр", "--db", db, "--format", "json"])
        #expect(try jsonObject(byName.out)["staff_id"] as? String == "T2")
        #expect(await run(["staff", "show", "T9", "--db", db]).status == 1)
    }
}

@Suite struct MaintenanceTests {
    @Test func backupRestoreAndDoctor() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Первая\n"), "--db", db]).status == 0)
        let copy = sandbox.path("copy.sqlite")
        #expect(await run(["backup", copy, "--db", db]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: copy)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Changes after the backup are undone by the restore; the replaced file is kept.
        #expect(await run(["import", "schools", sandbox.write("s2.csv", "Код ОО;Наименование ОО\nS2;Вторая\n"), "--db", db]).status == 0)
        let restored = await run(["restore", copy, "--db", db])
        #expect(restored.status == 0, "\(restored.err)")
        #expect(restored.out.contains("Прежний файл сохранён"))
        let list = await run(["schools", "list", "--db", db, "--format", "csv"]).out
        #expect(list.contains("S1;") && !list.contains("S2;"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: sandbox.url.path).filter { $0.contains("before-restore") }
        #expect(kept.count == 1)
        // A file that is not a database, or a damaged one, is refused and nothing changes.
        let bad = await run(["restore", sandbox.write("bad.sqlite", "не база"), "--db", db])
        #expect(bad.status == 1)
        #expect(bad.err.contains("не база данных SQLite"))
        let doctor = await run(["doctor", "--db", db])
        #expect(doctor.status == 0)
        #expect(doctor.out.contains("✓ Целостность (integrity_check): ok"))
        #expect(doctor.out.contains("Всё в порядке."))
        chmod(db, 0o644)
        let loose = await run(["doctor", "--db", db])
        #expect(loose.status == 1)
        #expect(loose.out.contains("✗ Права на файл: 644"))
    }
}

@Suite struct ForgetTests {
    @Test func forgettingErasesPersonalDataButKeepsAggregates() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        try #require(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Школа\n"), "--db", db]).status == 0)
        try #require(await run(["import", "staff", sandbox.write("t.csv", "Табельный номер;ФИО;Код ОО;Должность;Дата рождения;E-mail;Телефон\nT1;Иванова Анна;S1;учитель;01.01.1980;a@x.ru;+7 900\nT2;Петров Иван;S1;учитель;;;\n"), "--db", db]).status == 0)
        let before = await run(["training", "status", "--db", db, "--format", "json", "--as-of", "22.11.2026"]).out
        #expect(await run(["staff", "forget", "T1", "--db", db]).status == 0)
        let card = try jsonObject(await run(["staff", "show", "T1", "--db", db, "--format", "json"]).out)
        #expect(card["full_name"] as? String == "Сведения удалены (T1)")
        #expect(card["email"] is NSNull)
        #expect(card["phone"] is NSNull)
        #expect(card["birth_date"] is NSNull)
        let after = await run(["training", "status", "--db", db, "--format", "json", "--as-of", "22.11.2026"]).out
        #expect(before.components(separatedBy: "staff_id").count == after.components(separatedBy: "staff_id").count)
        #expect(!after.contains("Иванова"))
        #expect(await run(["schools", "list", "--db", db, "--format", "csv"]).out.contains("S1;Школа;;;нет;;2;"))
        #expect(await run(["staff", "forget", "T9", "--db", db]).status == 1)
    }
}

@Suite struct PseudonymizeTests {
    @Test func stablePseudonymsInEveryReportAndRealDataUntouched() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        try #require(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО;Директор\nS1;Школа;Директорова Анна\n"), "--db", db]).status == 0)
        try #require(await run(["import", "staff", sandbox.write("t.csv", "Табельный номер;ФИО;Код ОО;Должность;E-mail;Телефон\nT1;Иванова Анна;S1;учитель;a@x.ru;+7 900 1\nT2;Петров Иван;S1;учитель;;\n"), "--db", db]).status == 0)
        let list = await run(["staff", "list", "--db", db, "--format", "json", "--pseudonymize"]).out
        #expect(!list.contains("Иванова") && !list.contains("Петров"))
        let card = try jsonObject(await run(["staff", "show", "T1", "--db", db, "--format", "json", "--pseudonymize"]).out)
        let name = try #require(card["full_name"] as? String)
        #expect(name.hasPrefix("Работник "))
        #expect((card["email"] as? String)?.hasSuffix("@pseudonym.invalid") == true)
        #expect((card["phone"] as? String)?.hasPrefix("+7 000 ") == true)
        // The same person has the same pseudonym in another report and another run; others differ.
        #expect(list.contains(name))
        let status = await run(["training", "status", "--db", db, "--format", "json", "--pseudonymize", "--as-of", "22.11.2026"]).out
        #expect(status.contains(name))
        let other = try jsonObject(await run(["staff", "show", "T2", "--db", db, "--format", "json", "--pseudonymize"]).out)
        #expect(other["full_name"] as? String != name)
        let school = try jsonObject(await run(["schools", "show", "S1", "--db", db, "--format", "json", "--pseudonymize"]).out)
        #expect((school["head"] as? String)?.hasPrefix("Работник ") == true)
        // Without the flag, and for writes, the real data is there.
        #expect(await run(["staff", "show", "T1", "--db", db]).out.contains("Иванова Анна"))
        #expect(await run(["import", "staff", sandbox.write("t2.csv", "Табельный номер;ФИО;Код ОО;Должность\nT3;Сидорова;S1;учитель\n"), "--db", db, "--pseudonymize"]).status == 0)
    }
}
