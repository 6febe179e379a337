import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikImport
@testable import NastavnikStore

/// СНИЛС in staff files: validated, stored as written, a second natural key for files without
/// personnel numbers, personal data in the log, the pseudonymized reading and `staff forget`.
@Suite struct SNILSImportTests {
    static let numbered = """
        Табельный номер;ФИО;Код ОО;Должность;Дата рождения;СНИЛС
        T1;Иванова Анна Петровна;S1;учитель;05.03.1980;112-233-445 95
        T2;Петров Иван Сергеевич;S2;учитель;15.01.1990;12345678964

        """

    func loaded(_ sandbox: Sandbox) throws -> (NastavnikDatabase, Importer) {
        let (db, importer) = try sandbox.importing()
        #expect(try importer.summary(sandbox.write("schools.csv", schoolsCSV), .schools).errors == [])
        let staff = try importer.summary(sandbox.write("staff.csv", Self.numbered), .staff)
        #expect(staff.errors == [])
        #expect(staff.added == 2)
        return (db, importer)
    }

    func stored(_ db: NastavnikDatabase) throws -> [String] {
        try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT person_key, full_name, snils FROM staff ORDER BY id").map {
                "\($0[0] as String)|\($0[1] as String)|\(($0[2] as String?) ?? "-")"
            }
        }
    }

    @Test func storedAsWrittenAndMatchedWhereThereIsNoPersonnelNumber() throws {
        let sandbox = try Sandbox()
        let (db, importer) = try loaded(sandbox)
        #expect(
            try stored(db) == [
                "id:T1|Иванова Анна Петровна|112-233-445 95", "id:T2|Петров Иван Сергеевич|123-456-789 64",
            ])
        // No personnel numbers: the СНИЛС finds T1 under a new surname; a new person is keyed
        // by name and birth date and keeps their СНИЛС.
        let unnumbered = """
            ФИО;Код ОО;Должность;Дата рождения;СНИЛС
            Смирнова Анна Петровна;S1;учитель;05.03.1980;112 233 445 95
            Орлова Вера Ильинична;S3;учитель;01.02.1985;234-567-890 99

            """
        let summary = try importer.summary(sandbox.write("unnumbered.csv", unnumbered), .staff)
        #expect(summary.errors == [])
        #expect((summary.added, summary.changed) == (1, 1))
        #expect(
            try stored(db) == [
                "id:T1|Смирнова Анна Петровна|112-233-445 95", "id:T2|Петров Иван Сергеевич|123-456-789 64",
                "nb:орлова вера ильинична|1985-02-01|Орлова Вера Ильинична|234-567-890 99",
            ])
        // The unnumbered person renamed: found by СНИЛС under the key they were stored with.
        let renamed = "ФИО;Код ОО;Должность;СНИЛС\nКозлова Вера Ильинична;S3;учитель;23456789099\n"
        let again = try importer.summary(sandbox.write("renamed.csv", renamed), .staff)
        #expect(again.errors == [])
        #expect((again.added, again.changed) == (0, 1))
        #expect(try stored(db).last == "nb:орлова вера ильинична|1985-02-01|Козлова Вера Ильинична|234-567-890 99")
        // A file without the column leaves the numbers as they are.
        let without = "Табельный номер;ФИО;Код ОО;Должность\nT2;Петров Иван Сергеевич;S2;учитель\n"
        #expect(try importer.summary(sandbox.write("without.csv", without), .staff).errors == [])
        #expect(try stored(db)[1] == "id:T2|Петров Иван Сергеевич|123-456-789 64")
    }

    @Test func aWrongNumberNamesTheCellAndTheValueAndChangesNothing() throws {
        let sandbox = try Sandbox()
        let (db, importer) = try loaded(sandbox)
        let before = try stored(db)
        let file = """
            Табельный номер;ФИО;Код ОО;Должность;СНИЛС
            T1;Иванова Анна Петровна;S1;учитель;112-233-445 96
            T3;Сидорова Мария Ивановна;S2;директор;123-456-789 64
            T4;Кузнецов Олег;S2;учитель;345-678-901 23
            T5;Новиков Илья;S2;учитель;345-678-901 23
            T6;Зайцев Лев;S2;учитель;1234567

            """
        let summary = try importer.summary(sandbox.write("bad.csv", file), .staff)
        let errors = summary.errors.map { "\($0.line ?? 0):\($0.column ?? ""):\($0.message)" }
        #expect(errors.count == 4, "\(errors)")
        #expect(
            errors[0]
                == "2:СНИЛС:неверное контрольное число СНИЛС (по первым девяти цифрам должно быть 95) (112-233-445 96)")
        #expect(errors[1].hasPrefix("3:СНИЛС:этот СНИЛС уже записан у работника T2;"))
        #expect(errors[2] == "5:СНИЛС:этот СНИЛС уже указан в строке 4 у другого работника (345-678-901 23)")
        #expect(errors[3].hasPrefix("6:СНИЛС:СНИЛС — 11 цифр"))
        #expect(try stored(db) == before)
    }

    @Test func theLogKeepsTheLastFourDigitsOnly() throws {
        let sandbox = try Sandbox()
        let (db, importer) = try loaded(sandbox)
        let change = "Табельный номер;ФИО;Код ОО;Должность;СНИЛС\nT1;Иванова Анна Петровна;S1;учитель;345-678-901 23\n"
        #expect(try importer.summary(sandbox.write("change.csv", change), .staff).errors == [])
        let entries = try db.auditEntries(staffID: "T1").filter { $0.table == "staff" }
        #expect(entries.first?.newValues["snils"] == .text("***-***-*45 95"))
        #expect(entries.last?.oldValues["snils"] == .text("***-***-*45 95"))
        #expect(entries.last?.newValues["snils"] == .text("***-***-*01 23"))
        let raw = try db.writer.read { db in
            try String.fetchAll(db, sql: "SELECT coalesce(old_values, '') || coalesce(new_values, '') FROM audit_log")
        }
        #expect(!raw.contains { $0.contains("112-233") || $0.contains("345-678") })
    }

    @Test func pseudonymizedReadingsHaveNoNumberAndForgetErasesIt() throws {
        let sandbox = try Sandbox()
        let path: String
        do {
            let (db, _) = try loaded(sandbox)
            path = try #require(db.path)
            let pseudonymized = try NastavnikDatabase(path: path, pseudonymize: true)
            let seen = try pseudonymized.reader.read { db in
                try String.fetchAll(db, sql: "SELECT coalesce(snils, '-') FROM staff")
            }
            #expect(seen == ["-", "-"])
            #expect(try pseudonymized.auditEntries().allSatisfy { $0.newValues["snils"] == nil })
            try db.forget(staff: "T1", on: testToday)
            #expect(try stored(db)[0] == "id:T1|Сведения удалены (T1)|-")
            #expect(try db.auditEntries(staffID: "T1").allSatisfy { $0.newValues["snils"] == nil })
        }
        // The number stays in the register (as a digest): a file bringing the person back under
        // another name is found by `doctor`.
        let db = try NastavnikDatabase(path: path)
        let back = "ФИО;Код ОО;Должность;СНИЛС\nИванова-Петрова Анна;S1;учитель;112-233-445 95\n"
        #expect(try Importer(database: db).summary(sandbox.write("back.csv", back), .staff).errors == [])
        let check = try #require(try db.doctor().first { $0.name.contains("staff forget") })
        #expect(!check.ok && check.detail.contains("Иванова-Петрова Анна (S1)"), "\(check.detail)")
    }
}
