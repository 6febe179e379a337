import Foundation
import NastavnikCore
import Testing

@testable import NastavnikCLI
@testable import NastavnikStore

/// СНИЛС on the command line: the card shows it, `--pseudonymize` and `staff forget` hide it,
/// `audit` masks it; the ФИС ФРДО register imports by its Russian name.
@Suite struct SNILSCommandsTests {
    /// A database with one school and one teacher, T1, of СНИЛС 112-233-445 95.
    static func oneTeacher(_ name: String) async throws -> CLISandbox {
        try await CLISandbox(importing: [
            CSVFixture.oneSchool,
            (
                "staff",
                "Табельный номер;ФИО;Код ОО;Должность;Дата рождения;СНИЛС\nT1;\(name);S1;учитель;01.01.1980;11223344595\n"
            ),
        ])
    }

    @Test func theCardShowsItPseudonymizedAndForgottenCardsDoNot() async throws {
        let sandbox = try await Self.oneTeacher("Иванова Анна")
        let db = sandbox.db
        let card = try jsonObject(await run(["staff", "show", "T1", "--db", db, "--format", "json"]).out)
        #expect(card["snils"] as? String == "112-233-445 95")
        #expect(await run(["staff", "show", "T1", "--db", db]).out.contains("112-233-445 95"))
        let hidden = await run(["staff", "show", "T1", "--db", db, "--format", "json", "--pseudonymize"]).out
        #expect(try jsonObject(hidden)["snils"] is NSNull)
        // No piece of the СНИЛС in any spelling; a pseudonym's random hex («Работник 5D2445F9») may
        // hold its digits by chance, so the test looks for the number's own shapes.
        for piece in ["112-233", "445 95", "11223344595", "112233445"] { #expect(!hidden.contains(piece), "\(piece)") }
        let audit = await run(["audit", "--db", db, "--format", "json"]).out
        #expect(audit.contains("***-***-*45 95") && !audit.contains("112-233"))
        #expect(await run(["staff", "forget", "T1", "--db", db]).status == 0)
        #expect(
            try jsonObject(await run(["staff", "show", "T1", "--db", db, "--format", "json"]).out)["snils"] is NSNull)
        #expect(!(await run(["audit", "--db", db, "--format", "json"]).out.contains("45 95")))
    }

    @Test func theRegisterImportsByItsRussianName() async throws {
        let sandbox = try await Self.oneTeacher("Иванова Анна Петровна")
        let db = sandbox.db
        let register = sandbox.write(
            "frdo.csv",
            """
            Статус документа;Серия документа;Номер документа;Дата выдачи документа;Наименование дополнительной профессиональной программы;Срок обучения, часов;Фамилия получателя;Имя получателя;Отчество получателя;СНИЛС
            Оригинал;7724;000101;20.10.2026;Наставничество в школе;36;Иванова;Анна;Петровна;112-233-445 95

            """)
        let result = await run(["import", "фрдо", register, "--db", db, "--as-of", "22.11.2026"])
        #expect(result.status == 0, "\(result.err)")
        let status = try jsonArray(
            await run(["training", "status", "--db", db, "--format", "json", "--as-of", "22.11.2026"]).out)
        #expect(status.first?["last_training_end"] as? String == "2026-10-20")
        #expect(await run(["template", "frdo"]).out.hasPrefix("Вид документа;Статус документа;"))
    }
}
