import Foundation
import NastavnikCore
import Testing

@testable import NastavnikCLI
@testable import NastavnikStore

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
        #expect(
            result.out
                == "Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности;Педстаж;Квалификационная категория;Дата аттестации;E-mail;Телефон;Дата назначения на должность;СНИЛС\r\n"
        )
        #expect(await run(["template", "roadmap", "--describe"]).out.contains("Мероприятие (обязательный)"))
    }
}

@Suite struct InputChecksTests {
    /// A typo in `--db` is an error naming the path and how to create it, and creates no file
    /// (it used to answer «Школ нет» and leave an empty database behind).
    @Test func readingAMissingDatabaseIsAnError() async throws {
        let sandbox = try CLISandbox()
        let typo = sandbox.path("nastavnk.sqlite")
        for command in [
            ["schools", "list"], ["staff", "list"], ["doctor"], ["mentoring", "list"], ["settings", "list"],
        ] {
            let result = await run(command + ["--db", typo])
            #expect(result.status == 1, "\(command)")
            #expect(result.err.contains("Базы данных «\(typo)» нет"), "\(command): \(result.err)")
            #expect(result.err.contains("nastavnik demo --db \(typo)"))
        }
        #expect(!FileManager.default.fileExists(atPath: typo))
        // A dry run checks a file without creating a database either.
        let schools = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nS1;Школа\n")
        #expect(await run(["import", "schools", schools, "--dry-run", "--db", typo]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: typo))
        // A command that writes creates it.
        #expect(await run(["import", "schools", schools, "--db", typo]).status == 0)
        #expect(await run(["schools", "list", "--db", typo]).out.contains("S1"))
    }

    @Test func implausibleStaffRowsAreRefused() async throws {
        let sandbox = try await CLISandbox(importing: [CSVFixture.oneSchool])
        let db = sandbox.db
        let staff = sandbox.write(
            "staff.csv",
            """
            Табельный номер;ФИО;Код ОО;Должность;Дата рождения;Телефон
            T1;Юная Анна;S1;учитель;01.03.2010;
            T2;Древний Пётр;S1;учитель;01.03.1920;
            T3;Обычная Ольга;S1;учитель;01.03.1980;7,91234E+10

            """)
        let result = await run(["import", "staff", staff, "--db", db, "--as-of", "22.11.2026"])
        let text = result.out + result.err
        #expect(result.status == 1)
        #expect(text.contains("меньше 18 лет"))
        #expect(text.contains("больше 100 лет"))
        #expect(text.contains("экспоненциальной записи Excel"))
    }

    @Test func anUnknownDeficitTopicIsAWarningNamingTheNearest() async throws {
        let sandbox = try await CLISandbox(importing: [
            CSVFixture.oneSchool,
            ("staff", "Табельный номер;ФИО;Код ОО;Должность\nT1;Анна;S1;учитель\n"),
            (
                "courses",
                "Код программы;Наименование программы;Организатор;Объём (часов);Темы\nK1;Грамотность;ИРО;36;\"функциональная грамотность; формирующее оценивание\"\n"
            ),
        ])
        let db = sandbox.db
        let file = sandbox.write(
            "d.csv",
            "Табельный номер;Дата диагностики;Выявленные дефициты\nT1;15.03.2026;\"функцональная грамотность; формирующее оценивание\"\n"
        )
        let result = await run(["import", "diagnostics", file, "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("дефицит «функцональная грамотность» не встречается в темах программ"))
        #expect(result.out.contains("ближайшие известные: «функциональная грамотность»"))
        #expect(!result.out.contains("дефицит «формирующее оценивание»"))
    }
}
