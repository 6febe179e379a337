import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikImport
@testable import NastavnikStore

/// The ФИС ФРДО register (kind `frdo`): the committed workbook `frdo.xlsx`
/// (`Scripts/gen-xlsx-fixtures.py`) with a row matched by СНИЛС, one by name and birth date, a
/// «Дубликат» and a row naming nobody.
@Suite struct CertificateImportTests {
    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/xlsx/\(name)", withExtension: nil)).path
    }

    /// The fixtures' schools and staff, with СНИЛС for 00123, and the programme in the catalogue
    /// with a plan item for it.
    func loaded(_ sandbox: Sandbox) throws -> (NastavnikDatabase, Importer) {
        let (db, importer) = try sandbox.importing()
        #expect(try importer.summary(try fixture("schools.xlsx"), nil).errors == [])
        #expect(try importer.summary(try fixture("staff-openpyxl.xlsx"), .staff).errors == [])
        let snils = "Табельный номер;ФИО;Код ОО;Должность;СНИЛС\n00123;Семёнова Алёна Юрьевна;X01;учитель;11223344595\n"
        #expect(try importer.summary(sandbox.write("snils.csv", snils), .staff).errors == [])
        let courses = """
            Код программы;Наименование программы;Организатор;Часы;Темы
            ФГ-36;Функциональная грамотность: математическая;ИРО;36;функциональная грамотность

            """
        #expect(try importer.summary(sandbox.write("courses.csv", courses), .courses).errors == [])
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO development_plan (staff_id, school_year, created_at)
                        SELECT id, '2025/26', '2025-09-01' FROM staff WHERE staff_id = '00124';
                    INSERT INTO plan_item (plan_id, position, kind, topic, description, deadline)
                        SELECT id, 1, 'course', 'функциональная грамотность', 'КПК по функциональной грамотности', '2026-05-31'
                        FROM development_plan;
                    """)
        }
        return (db, importer)
    }

    func trainings(_ db: NastavnikDatabase) throws -> [String] {
        try db.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.full_name || '|' || c.title || '|' || c.hours || '|' || t.status || '|' || t.end_date || '|'
                        || t.certificate || '|' || s.last_training_end
                    FROM training t JOIN staff s ON s.id = t.staff_id JOIN course c ON c.id = t.course_id ORDER BY t.id
                    """
            ).map { $0[0] as String? ?? "NULL" }
        }
    }

    /// Every row the import may touch, without the logs.
    func state(_ db: NastavnikDatabase) throws -> [String] {
        try db.writer.read { db in
            try ["staff", "course", "training", "plan_item", "development_plan"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { "\(table): \($0)" }
            }
        }
    }

    @Test func aRowNamingNobodyStopsTheImportThenTheRegisterCountsOnce() throws {
        let sandbox = try Sandbox()
        let (db, importer) = try loaded(sandbox)
        let before = try state(db)
        let frdo = try fixture("frdo.xlsx")
        // The kind is told by the headers.
        let failed = try importer.summary(frdo, nil)
        #expect(failed.kind == "frdo")
        #expect(failed.sheet == "Шаблон")
        #expect(failed.errors.map(\.cell) == ["Шаблон!U5"])
        #expect(failed.errors.first?.message.contains("получатель не найден среди работников") == true)
        #expect(failed.errors.first?.message.contains("Новикова Ирина Олеговна") == true)
        #expect(failed.warnings.isEmpty, "\(failed.warnings)")
        #expect(try state(db) == before)

        let novikova = "ФИО;Код ОО;Должность;Дата рождения\nНовикова Ирина Олеговна;X02;учитель;12.12.1990\n"
        #expect(try importer.summary(sandbox.write("novikova.csv", novikova), .staff).errors == [])
        let summary = try importer.summary(frdo, .frdo)
        #expect(summary.errors == [])
        #expect(summary.warnings == [])
        // Three originals added; the duplicate counts nothing.
        #expect((summary.added, summary.changed, summary.unchanged) == (3, 0, 1))
        #expect(
            try trainings(db) == [
                "Семёнова Алёна Юрьевна|Функциональная грамотность: математическая|36.0|completed|2025-10-15|772412 0001234|2025-10-15",
                "Ёлкин Пётр Ильич|Функциональная грамотность: математическая|36.0|completed|2025-10-15|772412 0001235|2025-10-15",
                "Новикова Ирина Олеговна|Функциональная грамотность: математическая|36.0|completed|2025-10-15|772412 0001236|2025-10-15",
            ])
        // Found in the catalogue by title and hours: no course added. The plan item closed as
        // `training complete` closes it.
        #expect(try db.count("course") == 1)
        let item = try db.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT status, evidence, closed_at FROM plan_item")!
        }
        #expect(item["status"] as String == "done")
        #expect(item["evidence"] as String == "Удостоверение № 772412 0001235")
        #expect(item["closed_at"] as String == "2025-10-15")
        // The 3-year rule counts the certificates.
        let status = try db.trainingStatus(asOf: testToday).filter { $0.lastTrainingEnd != nil }
        #expect(status.count == 3)
        #expect(status.allSatisfy { $0.compliant })

        // The same file again changes nothing.
        let after = try state(db)
        let again = try importer.summary(frdo, .frdo)
        #expect((again.added, again.changed, again.unchanged) == (0, 0, 4))
        #expect(try state(db) == after)
    }

    @Test func aProgrammeOutsideTheCatalogueJoinsItByTitleAndHours() throws {
        let sandbox = try Sandbox()
        let (db, importer) = try sandbox.importing()
        #expect(try importer.summary(try fixture("schools.xlsx"), nil).errors == [])
        #expect(try importer.summary(try fixture("staff-openpyxl.xlsx"), .staff).errors == [])
        let header = ImportKind.frdoColumns.prefix(19).map(\.russianHeader).joined(separator: ";")
        let row = { (number: String, hours: String, status: String) in
            "Удостоверение;\(status);;\(number);01.03.2026;;Повышение квалификации;Наставничество в школе;2026;2026;\(hours);Щукина;Ольга;Сергеевна;15.09.1999;Жен;;очная;бюджет"
        }
        let file =
            [header, row("1", "24", "Оригинал"), row("2", "72", "Оригинал"), row("3", "72", "Дубликат")]
            .joined(separator: "\n") + "\n"
        let summary = try importer.summary(sandbox.write("frdo.csv", file), nil)
        #expect(summary.kind == "frdo")
        #expect(summary.errors == [])
        #expect((summary.added, summary.unchanged) == (2, 1))
        let courses = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT title, provider, hours, external FROM course ORDER BY id").map { "\($0)" }
        }
        #expect(courses.count == 2)
        #expect(courses[0].contains("не указан (ФИС ФРДО, 24 ч)") && courses[1].contains("72"))
        // A duplicate whose original is nowhere is a warning and adds nothing.
        let lone = [header, row("9", "16", "Дубликат")].joined(separator: "\n") + "\n"
        let warned = try importer.summary(sandbox.write("lone.csv", lone), .frdo)
        #expect(warned.errors == [])
        #expect(warned.warnings.map(\.message).first?.hasPrefix("дубликат удостоверения не учтён") == true)
        #expect(try db.count("training") == 2)
    }

    @Test func kindInferencePicksTheRegisterForItsTemplateOnly() throws {
        let template = ImportKind.frdoColumns.map(\.russianHeader)
        #expect(try KindInference.infer(headers: template).get() == .frdo)
        #expect(try KindInference.infer(headers: Array(template.prefix(19))).get() == .frdo)
        for kind in ImportKind.allCases where kind != .frdo {
            let headers = kind.columns.map(\.russianHeader)
            #expect((try? KindInference.infer(headers: headers).get()) != .frdo, "\(kind)")
        }
        // Headers as template versions write them: quotes, no-break spaces, ё, a space after a slash.
        #expect(
            ImportKind.normalizeHeader(
                "«Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)»")
                == ImportKind.normalizeHeader(
                    "Дополнительная профессиональная программа (повышение квалификации/профессиональная переподготовка)"
                ))
        #expect(ImportKind.normalizeHeader("Срок обучения,\u{A0}часов ") == "срок обучения, часов")
    }
}
