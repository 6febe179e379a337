import Foundation
import NastavnikTestSupport
import Testing

@testable import NastavnikCLI

/// Reads the Word document a command wrote, expecting the command to have succeeded.
func wordDocument(
    _ result: (status: Int32, out: String, err: String), at path: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> WordDocument {
    #expect(result.status == 0, "\(result.err)", sourceLocation: sourceLocation)
    #expect(result.err.contains("Записано: \(path)"), sourceLocation: sourceLocation)
    return try WordDocument(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
}

/// `--format docx` of every command that drafts a document: the order of curator schools, the
/// training order, a seminar's invitation and the teachers' plans.
extension CuratorsCommandTests {
    @Test func theOrderAsAWordDocument() async throws {
        await assignTwoPairs()
        let path = sandbox.path("order.docx")
        let doc = try wordDocument(
            await run([
                "curators", "order", "--format", "docx", "--output", path, "--date", "01.09.2026", "--number", "12",
                "--db", db,
            ]), at: path)
        let paragraphs = doc.paragraphs
        let kind = try #require(paragraphs.firstIndex(of: "ПРИКАЗ"))
        #expect(paragraphs[kind + 1] == "01.09.2026\t№ 12")
        let subject = try #require(paragraphs.firstIndex(of: "О закреплении школ-кураторов"))
        #expect(subject > kind)
        #expect(paragraphs.contains("– МБОУ «Сильная» для МБОУ «Первая», МБОУ «Вторая»;"))
        let control = try #require(
            paragraphs.firstIndex { $0.hasSuffix("Контроль за исполнением приказа оставляю за собой.") })
        #expect(paragraphs[control + 1].hasPrefix("Начальник управления образования\t"))
        #expect(paragraphs.contains("от 01.09.2026 № 12"))
        let table = try #require(doc.tables.first)
        #expect(table.headerRows == 1)
        #expect(table.rows[0].first == "№ п/п")
        #expect(table.rows[1] == ["1", "E1", "МБОУ «Сильная»", "", "L1", "МБОУ «Первая»", "Кравцова Е.В."])
        #expect(table.rows[2] == ["2", "E1", "МБОУ «Сильная»", "", "L2", "МБОУ «Вторая»", ""])
        // The order on a portrait page; its appendix of seven columns on a landscape one.
        #expect(doc.pages.map(\.landscape) == [false, true])
    }
}

extension StaffChainTests {
    @Test func theTrainingOrderAsAWordDocument() async throws {
        _ = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        let path = sandbox.path("training.docx")
        let doc = try wordDocument(
            await run([
                "training", "order", "--year", "2027", "--format", "docx", "--output", path, "--order-number", "15",
                "--db", db,
            ]), at: path)
        #expect(
            doc.paragraphs.contains(
                "Об утверждении графика курсовой подготовки педагогических и руководящих работников на 2027 год"))
        #expect(doc.paragraphs.contains("«___» ____________ 20___ г.\t№ 15"))
        #expect(doc.paragraphs.contains("График курсовой подготовки на 2027 год"))
        // The appendix's four tables: the schedule, the totals, the unplaced and the needs.
        let schedule = try #require(doc.tables.first)
        #expect(schedule.rows[0].prefix(3) == ["Организатор", "Табельный номер", "ФИО"])
        #expect(schedule.rows.contains { $0[1] == "T1" && $0.contains("K1") })
        #expect(doc.tables.contains { $0.rows.last?.first == "Итого" })
    }

    @Test func thePlansAsAWordDocument() async throws {
        _ = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        let path = sandbox.path("plans.docx")
        let doc = try wordDocument(
            await run(["plans", "export", "--year", "2026/27", "--format", "docx", "--output", path, "--db", db]),
            at: path)
        #expect(doc.paragraphs.first == "Индивидуальные планы профессионального развития педагогов")
        #expect(doc.paragraphs.contains { $0.hasPrefix("Иванова Анна Петровна — учитель") })
        #expect(doc.tables.allSatisfy { $0.rows[0].first == "№ пункта" && $0.headerRows == 1 })
        #expect(doc.tables.contains { table in table.rows.contains { $0.contains("самообразование") } })
        // A page per teacher, landscape: the items have eight columns.
        #expect(doc.pages.count >= 2 && doc.pages.count >= doc.tables.count)
        #expect(doc.pages.allSatisfy { $0.landscape })
    }
}

extension SeminarsCommandTests {
    @Test func theInvitationAsAWordDocument() async throws {
        await createEvent(from: "07.12.2026", to: "31.12.2026")
        let path = sandbox.path("invite.docx")
        let doc = try wordDocument(
            await run(["seminars", "invite", "1", "--format", "docx", "--output", path, "--db", db]), at: path)
        #expect(doc.paragraphs.contains("Приглашение"))
        #expect(doc.paragraphs.contains("Лист регистрации участников"))
        #expect(doc.tables.count == 2)
        let sheet = try #require(doc.tables.last)
        #expect(sheet.rows[0] == ["№", "Табельный номер", "ФИО", "Школа", "Присутствовал", "Подпись"])
        #expect(sheet.rows.contains { $0[1] == "W1" && $0[2] == "Учитель 1" })
        // The registration sheet on a page of its own.
        #expect(doc.pages.count == 2)
    }
}
