import Foundation
import Testing

@testable import NastavnikCLI

/// One grammar: every command's `--format` from one vocabulary, each refusing what it does not
/// print in the parser's words; the import's own options only where they apply.
@Suite struct OutputOptionsTests {
    @Test func aFormatOutsideTheCommandsSetIsRefusedListingItsSet() async throws {
        let sandbox = try CLISandbox()
        // (The municipal and school reports now print JSON too: issue 18.)
        let report = await run([
            "roadmap", "report", "--period", "2026", "--format", "json", "--db", sandbox.path("db.sqlite"),
        ])
        #expect(report.status == 64)
        #expect(
            report.err.hasPrefix(
                """
                Ошибка: значение «json» не подходит для --format. Допустимые значения: md, html, xlsx, csv.
                Подсказка:  --format <format>  Формат: md, html, xlsx или csv.
                Использование: nastavnik roadmap report
                """))
        let list = await run(["schools", "list", "--format", "pdf", "--db", sandbox.path("db.sqlite")])
        #expect(
            list.err.hasPrefix(
                "Ошибка: значение «pdf» не подходит для --format. Допустимые значения: table, csv, json.\n"))
        // The roadmap report now answers as every other command does.
        let roadmap = await run([
            "roadmap", "report", "--period", "2026", "--format", "table", "--db", sandbox.path("db.sqlite"),
        ])
        #expect(roadmap.status == 64)
        #expect(
            roadmap.err.hasPrefix(
                "Ошибка: значение «table» не подходит для --format. Допустимые значения: md, html, xlsx, csv.\n"))
    }

    /// `plans export` and `seminars invite` refused an unknown format after opening the database,
    /// in their own words (exit 1); now the parser refuses it, listing the command's set.
    @Test func exportsAndInvitationsAreRefusedByTheParser() async throws {
        let sandbox = try CLISandbox()
        let export = await run(["plans", "export", "--format", "pdf", "--db", sandbox.path("db.sqlite")])
        #expect(export.status == 64)
        #expect(
            export.err.hasPrefix(
                "Ошибка: значение «pdf» не подходит для --format. Допустимые значения: html, md, xlsx, csv, docx.\n"))
        let invite = await run(["seminars", "invite", "1", "--format", "table", "--db", sandbox.path("db.sqlite")])
        #expect(invite.status == 64)
        #expect(
            invite.err.hasPrefix(
                "Ошибка: значение «table» не подходит для --format. Допустимые значения: html, csv, xlsx, docx.\n"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("db.sqlite")))
    }

    @Test func formatNamesAreOneVocabulary() {
        #expect(PrintFormat(name: "Таблица") == .table)
        #expect(PrintFormat(name: "markdown") == .md)
        #expect(PrintFormat(name: "JSON") == .json)
        #expect(PrintFormat(name: "pdf") == nil)
        #expect(OutputOptions<PrintFormat.Documents>.Choice(argument: "md")?.format == .md)
        #expect(OutputOptions<PrintFormat.Documents>.Choice(argument: "json") == nil)
        #expect(OutputOptions<PrintFormat.ImportSummary>.Choice.allValueStrings == ["table", "json"])
    }

    @Test func roadmapOptionsAreRefusedOnAnotherKind() async throws {
        let sandbox = try CLISandbox()
        let file = sandbox.write("staff.csv", "Табельный номер;ФИО;Код ОО;Должность\nT1;Учитель;A;учитель\n")
        let result = await run(["import", "staff", file, "--period", "2020-2022", "--db", sandbox.path("db.sqlite")])
        #expect(result.status == 64)
        #expect(
            result.err.hasPrefix(
                "Ошибка: Параметр --period относится только к дорожной карте (nastavnik import roadmap ФАЙЛ), а не к виду «staff»."
            ))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("db.sqlite")))
    }

    /// A kind told by the file's headers is checked too: a staff file with `--title` was imported,
    /// the option silently ignored. Now it is refused, naming the option, and nothing is written.
    @Test func roadmapOptionsAreRefusedOnAKindToldByTheHeaders() async throws {
        let sandbox = try await CLISandbox(importing: [CSVFixture.schools("A;Школа А")])
        let db = sandbox.db
        let file = sandbox.write("staff.csv", "Табельный номер;ФИО;Код ОО;Должность\nT1;Учитель Первый;A;учитель\n")
        let result = await run(["import", file, "--title", "План", "--db", db])
        #expect(result.status == 1)
        #expect(
            result.err.contains(
                "параметр --title относится только к дорожной карте (nastavnik import roadmap ФАЙЛ), а файл по заголовкам — вид «staff»"
            ), "\(result.err)")
        let staff = await run(["staff", "list", "--db", db, "--format", "json"])
        #expect(staff.out.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(staff.out)")
    }

    @Test func theImportsEncodingIsNamedForTheInput() async throws {
        let sandbox = try CLISandbox()
        let file = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nS1;Школа\n")
        func importing(_ option: [String]) async -> (status: Int32, out: String, err: String) {
            await run(["import", "schools", file, "--db", sandbox.path("db.sqlite")] + option)
        }
        #expect(
            await importing(["--encoding", "cp1251"]).err.contains(
                "кодировку импортируемого файла задаёт --input-encoding"))
        #expect(await importing(["--input-encoding", "utf-8"]).status == 0)
        // The import's summary is printed, not written: it takes no --output.
        #expect(await importing(["--output", sandbox.path("x")]).status == 64)
    }

    @Test func roadmapsAreImportedOnlyUnderImport() async throws {
        let sandbox = try CLISandbox()
        let result = await run([
            "roadmap", "import", sandbox.write("plan.csv", "Мероприятие;Сроки\nСеминар;май 2026\n"), "--db",
            sandbox.path("db.sqlite"),
        ])
        #expect(result.status == 64)
        // The old spelling is told where the command is now, and nothing is created.
        #expect(
            result.err.hasPrefix(
                "Ошибка: Команды «roadmap import» больше нет: дорожная карта загружается командой nastavnik import roadmap ФАЙЛ"
            ), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("db.sqlite")))
        let help = await run(["roadmap", "--help"])
        #expect(help.out.contains("nastavnik import roadmap ФАЙЛ"))
        #expect(!help.out.contains("Перенесено"))
    }
}
