import Foundation
import GRDB
import NastavnikRegion
import NastavnikTestSupport
import Testing

@testable import NastavnikCLI

/// `nastavnik region init|push|status|report|order|pushes` against the real PostgreSQL server
/// (issue 22): the receipt's JSON, a re-push, the documents, and no password anywhere.
@Suite struct RegionCommandTests {
    static let schools = """
        Код ОО;Наименование ОО;Муниципалитет;Статус
        RG001;МБОУ «СОШ № 1»;Тестовый район;НОР
        RG002;МБОУ «СОШ № 2»;Тестовый район;эффективная

        """
    static let staff = """
        Табельный номер;ФИО;Код ОО;Должность;Дата начала педагогической деятельности;СНИЛС
        T-1;Ильина Анна Сергеевна;RG001;учитель;01.09.2010;112-233-445 95
        T-2;Орлов Пётр Иванович;RG001;учитель;01.09.2001;
        T-3;Зуева Мария Олеговна;RG002;директор;01.09.1999;

        """

    /// A municipal database with two schools and three workers, its identity set.
    func municipality() async throws -> CLISandbox {
        let sandbox = try await CLISandbox(importing: [("schools", Self.schools), ("staff", Self.staff)])
        let set = await run([
            "municipality", "set", "--oktmo", "81620000", "--name", "Тестовый район", "--db", sandbox.db,
        ])
        try #require(set.status == 0, "\(set.err)")
        return sandbox
    }

    @Test func aPushPrintsItsReceiptAndARepushChangesNothing() async throws {
        let url = try await RegionTestServer.freshDatabase()
        let address = url.revealingPassword
        let sandbox = try await municipality()
        let initialized = await run(["region", "init", address])
        #expect(
            initialized.status == 0 && initialized.out.contains("r1-snapshot")
                && initialized.out.contains("r3-bytewise-keys"), "\(initialized.err)")
        #expect(!initialized.out.contains(url.password ?? "—"))

        let dry = await run(["region", "push", address, "--dry-run", "--db", sandbox.db])
        #expect(dry.status == 0 && dry.out.hasPrefix("Пробная отправка (ничего не записано)"), "\(dry.err)")
        // No batch is stored by a dry run, so none is named.
        #expect(!dry.out.contains("партия") && dry.out.contains("Пробная отправка: строки по таблицам"))
        let first = try jsonObject(
            (await run(["region", "push", address, "--format", "json", "--db", sandbox.db])).out)
        #expect(Set(first.keys) == ["batch", "added", "changed", "deleted", "unchanged"])
        // 2 schools and 3 workers, and the need for training of this year and the next two.
        #expect((first["added"] as? Int ?? 0) >= 5)
        #expect(first["changed"] as? Int == 0 && first["deleted"] as? Int == 0 && first["unchanged"] as? Int == 0)
        let second = try jsonObject(
            (await run(["region", "push", address, "--format", "json", "--db", sandbox.db])).out)
        #expect(second["added"] as? Int == 0 && second["unchanged"] as? Int == first["added"] as? Int)
        #expect(second["batch"] as? String != first["batch"] as? String)

        let status = try jsonArray((await run(["region", "status", address, "--format", "json"])).out)
        #expect(status.count == 1)
        #expect(status.first?["oktmo"] as? String == "81620000" && status.first?["schools"] as? Int == 2)
        #expect(status.first?["pushes"] as? Int == 2 && status.first?["staff"] as? Int == 3)
        let pushes = try jsonArray((await run(["region", "pushes", "--format", "json", "--db", sandbox.db])).out)
        #expect(pushes.map { $0["batch"] as? String } == [second["batch"] as? String, first["batch"] as? String])
        #expect(pushes.allSatisfy { ($0["region"] as? String)?.contains(url.password ?? "—") == false })
        // The audit log keeps the command line without the password.
        let commands = try await DatabaseQueue(path: sandbox.db).read { db in
            try String.fetchAll(db, sql: "SELECT command FROM audit_log WHERE table_name = 'region_push'")
        }
        #expect(commands.count == 2)
        #expect(commands.allSatisfy { $0.contains("region push postgres://\(url.user):***@") })
        #expect(commands.allSatisfy { !$0.contains(url.password ?? "—") })
    }

    @Test func theReportAndTheOrderAreWrittenInEveryFormat() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let address = url.revealingPassword
        let sandbox = try await municipality()
        let pushed = await run([
            "region", "push", address, "--personal-data", "--as-of", "01.12.2026", "--db", sandbox.db,
        ])
        #expect(pushed.status == 0, "\(pushed.err)")
        let markdown = await run(["region", "report", address, "--format", "md", "--as-of", "01.12.2026"])
        #expect(markdown.status == 0, "\(markdown.err)")
        for text in [
            "# Сводный отчёт региона", "Данные 1 муниципалитета на 01.12.2026", "Тестовый район",
            "## Школы по статусам",
        ] {
            #expect(markdown.out.contains(text), "\(text)")
        }
        let json = try jsonObject((await run(["region", "report", address, "--format", "json"])).out)
        #expect(json["title"] as? String == "Сводный отчёт региона")
        let workbook = sandbox.path("region.xlsx")
        #expect((await run(["region", "report", address, "--format", "xlsx", "--output", workbook])).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)).prefix(2) == Data("PK".utf8))

        // Everyone of the three is out of the 3-year rule in 2027 (no training on record).
        let document = sandbox.path("order.docx")
        let order = await run([
            "region", "order", address, "--year", "2027", "--by", "municipality", "--as-of", "01.12.2026",
            "--output", document,
        ])
        #expect(order.status == 0, "\(order.err)")
        let word = try WordDocument(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: document))))
        let text = word.blocks.map { "\($0)" }.joined(separator: "\n")
        for name in [
            "СВОДНЫЙ ЗАКАЗ", "Тестовый район", "Ильина Анна Сергеевна", "МБОУ «СОШ № 1»", "Программа не подобрана",
        ] {
            #expect(text.contains(name), "\(name)")
        }
        let byCourse = await run(["region", "order", address, "--year", "2027", "--by", "course", "--format", "md"])
        #expect(byCourse.out.contains("Места по программам, 2027 год") && byCourse.out.contains("| Всего |"))
        let bad = await run(["region", "order", address, "--year", "2027", "--by", "school"])
        #expect(bad.status != 0 && bad.err.contains("Допустимые значения: provider, course, municipality"))
    }

    @Test func aWrongPasswordIsARussianErrorWithoutThePassword() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        var wrong = url
        wrong.password = "Tайный-пароль-7"
        let sandbox = try await municipality()
        for arguments in [
            ["region", "push", wrong.revealingPassword, "--db", sandbox.db],
            ["region", "status", wrong.revealingPassword],
            ["region", "report", wrong.revealingPassword], ["region", "init", wrong.revealingPassword],
        ] {
            let result = await run(arguments)
            #expect(result.status != 0)
            #expect(result.err.contains("не впустила пользователя «\(url.user)»"), "\(result.err)")
            #expect(!result.err.contains("Tайный") && !result.out.contains("Tайный"))
        }
        let missing = await run(["region", "status"])
        #expect(missing.status != 0 && missing.err.contains("NASTAVNIK_REGION_URL"))
        #expect((await run(["region", "pushes", "--format", "json", "--db", sandbox.db])).out.contains("[]"))
    }
}
