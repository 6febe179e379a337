import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikImport
@testable import NastavnikStore

/// Every rule of the import contract, on real files and a real SQLite database.
@Suite struct ImportRulesTests: ImportingSuite {
    let base: ImportBase

    init() throws { base = try ImportBase() }

    func loadSchoolsAndStaff() throws {
        let s = try importer.summary(sandbox.write("schools.csv", schoolsCSV), .schools)
        #expect(s.errors == [])
        let t = try importer.summary(sandbox.write("staff.csv", staffCSV), .staff)
        #expect(t.errors == [])
    }

    @Test func schoolsInWindows1251WithSemicolonsAndCRLF() throws {
        let text = schoolsCSV.replacingOccurrences(of: "\n", with: "\r\n")
        let path = sandbox.write("schools-1251.csv", text, encoding: .cp1251)
        let summary = try importer.summary(path, .schools)
        #expect(summary.errors == [])
        #expect(summary.encoding == "cp1251")
        #expect(summary.delimiter == ";")
        #expect(summary.added == 3)
        let name = try db.writer.read { db in try String.fetchOne(db, sql: "SELECT name FROM school WHERE code = 'S1'")
        }
        #expect(name == "МБОУ «Первая СОШ»")
        let statuses = try db.writer.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT status FROM school_status s JOIN school ON school.id = s.school_id WHERE code = 'S2' ORDER BY status"
            )
        }
        #expect(statuses == ["adverseSocial", "lowResults"])
    }

    @Test(arguments: [false, true])
    func utf8WithAndWithoutBOM(bom: Bool) throws {
        let summary = try importer.summary(sandbox.write("schools.csv", schoolsCSV, bom: bom), .schools)
        #expect(summary.errors == [])
        #expect(summary.encoding == "utf-8")
        #expect(summary.added == 3)
        #expect(try db.count("school") == 3)
    }

    @Test(arguments: [",", "\t"])
    func otherDelimiters(separator: String) throws {
        let text = """
            Код ОО\(separator)Наименование ОО\(separator)Широта\(separator)Долгота
            S1\(separator)"Школа\(separator) первая"\(separator)"54,7"\(separator)"40,1"

            """
        let summary = try importer.summary(sandbox.write("schools.txt", text), .schools)
        #expect(summary.errors == [])
        let row = try db.writer.read { db in try Row.fetchOne(db, sql: "SELECT name, latitude, longitude FROM school") }
        #expect(row?["name"] == "Школа\(separator) первая")
        #expect(row?["latitude"] == 54.7)
        #expect(row?["longitude"] == 40.1)
    }

    @Test func encodingAndDelimiterOverrides() throws {
        // A file whose header has more commas than semicolons, read with the delimiter forced.
        let text = "Код ОО;Наименование ОО;Примечание, подробно, полно\nS1;Школа, первая, лучшая;\n"
        let options = ImportOptions(encoding: .utf8, delimiter: UInt8(ascii: ";"), today: testToday)
        let summary = try importer.run(path: sandbox.write("o.csv", text), kind: .schools, options: options)
        #expect(summary.delimiter == ";")
        #expect(summary.warnings.map(\.column) == ["Примечание, подробно, полно"])
        #expect(
            try db.writer.read { db in try String.fetchOne(db, sql: "SELECT name FROM school") }
                == "Школа, первая, лучшая")
    }

    @Test func quotedFieldsWithLineBreaksKeepTheirLineNumbers() throws {
        let text =
            "Код ОО;Наименование ОО;Адрес\nS1;\"Школа \"\"Первая\"\"\";\"ул. Ленина, 1;\nкорпус 2\"\nS2;Вторая;\nS1;Дубль;\n"
        let summary = try importer.summary(sandbox.write("q.csv", text), .schools)
        #expect(
            summary.errors == [
                ImportIssue(
                    line: 5, column: "Код ОО", message: "повтор: запись с тем же ключом уже есть в строке 2 (S1)")
            ])
        let clean = "Код ОО;Наименование ОО;Адрес\nS1;\"Школа \"\"Первая\"\"\";\"ул. Ленина, 1;\nкорпус 2\"\n"
        #expect(try importer.summary(sandbox.write("q2.csv", clean), .schools).errors == [])
        let row = try db.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT name, address FROM school WHERE code = 'S1'")
        }
        #expect(row?["name"] == "Школа \"Первая\"")
        #expect(row?["address"] == "ул. Ленина, 1;\nкорпус 2")
    }

    /// Every header alias of every kind, and the English key, maps to its column.
    @Test(arguments: ImportKind.allCases)
    func everyHeaderAlias(kind: ImportKind) {
        let index = kind.headerIndex
        for column in kind.columns {
            #expect(index[ImportKind.normalizeHeader(column.key)] == column.key)
            for header in column.headers {
                let mapped = index[ImportKind.normalizeHeader(header)]
                // «Код ОО» means the school in some kinds and the code in others; each kind maps it once.
                #expect(mapped != nil, "\(kind): \(header)")
                let record = CSVRecord(fields: [header], line: 1)
                let (map, _) = HeaderMapping.resolve(header: record, kind: kind)
                #expect(map.has(mapped ?? ""), "\(kind): \(header)")
            }
        }
    }

    @Test func headersAreNormalised() {
        #expect(ImportKind.normalizeHeader("  КОД   ОО: ") == "код оо")
        #expect(ImportKind.normalizeHeader("Объём (часов)*") == "объем (часов)")
        #expect(
            ImportKind.normalizeHeader("Доля обучающихся, состоящих на учёте") == "доля обучающихся, состоящих на учете"
        )
        let text = "  код  оо* ;НАИМЕНОВАНИЕ ОО:;Статус\nS9;Школа;НОР\n"
        let summary = try? importer.summary(sandbox.write("h.csv", text), .schools)
        #expect(summary?.errors == [])
        #expect(summary?.added == 1)
    }

    @Test func unknownColumnIsAWarningAndIgnored() throws {
        let text = "Код ОО;Наименование ОО;Любимый цвет\nS1;Школа;синий\n"
        let summary = try importer.summary(sandbox.write("u.csv", text), .schools)
        #expect(summary.errors == [])
        #expect(
            summary.warnings == [
                ImportIssue(
                    line: 1, column: "Любимый цвет", message: "неизвестный столбец для вида «schools», пропущен")
            ])
        #expect(summary.added == 1)
    }

    @Test func missingRequiredColumnFailsBeforeAnyRow() throws {
        let text = "Код ОО;Статус\nS1;НОР\nS2;не статус\n"
        let summary = try importer.summary(sandbox.write("m.csv", text), .schools)
        #expect(summary.errors.count == 1)
        #expect(summary.errors[0].line == 1)
        #expect(summary.errors[0].column == "Наименование ОО")
        #expect(summary.errors[0].message.hasPrefix("нет обязательного столбца"))
        #expect(try db.count("school") == 0)
    }

    /// A department's spreadsheet often has a title, a date or an empty line above the table:
    /// the header is the first of the first ten rows that names the kind's required columns,
    /// and the user is told which rows were passed over. Lines stay the file's own.
    @Test func titleRowsAboveTheTableArePassedOver() throws {
        try loadSchoolsAndStaff()
        let text =
            "Сведения о педагогических работниках;;;\nпо состоянию на 01.09.2025;;;\n;;;\n"
            + "ФИО;Код ОО;Должность;Педстаж\nНовиков Н.Н.;S1;учитель;7\nОрлова О.О.;S404;учитель;3\n"
        let path = sandbox.write("titled.csv", text, encoding: .cp1251)
        let failed = try importer.summary(path, .staff)
        #expect(
            failed.errors == [
                ImportIssue(
                    line: 6, column: "Код ОО",
                    message: "нет школы с таким кодом; сначала импортируйте список школ (S404)")
            ])
        #expect(
            failed.warnings.contains(
                ImportIssue(
                    line: 4, column: nil,
                    message: "строки 1–3 над таблицей пропущены: заголовки столбцов найдены в строке 4")))
        let fixed = sandbox.write("titled2.csv", text.replacingOccurrences(of: "S404", with: "S2"), encoding: .cp1251)
        let inferred = try importer.summary(fixed, nil)
        #expect(inferred.kind == "staff" && inferred.errors.isEmpty && inferred.added == 2)
    }

    /// One title row, as most exports have, is one line, not «строки 1–1».
    @Test func oneTitleRowIsNamedAsOneLine() throws {
        try loadSchoolsAndStaff()
        let text =
            "Сведения о педагогических работниках на 01.09.2025;;;\nФИО;Код ОО;Должность;Педстаж\nНовиков Н.Н.;S1;учитель;7\n"
        let summary = try importer.summary(sandbox.write("title.csv", text, encoding: .cp1251), .staff)
        #expect(summary.errors.isEmpty)
        #expect(
            summary.warnings.contains(
                ImportIssue(
                    line: 2, column: nil,
                    message: "строка 1 над таблицей пропущена: заголовки столбцов найдены в строке 2")))
    }

    /// The same with commas: the title line has none, and must not make the file one column.
    @Test func titleAboveACommaSeparatedTable() throws {
        try loadSchoolsAndStaff()
        let text = "Сведения о педагогах\nФИО,Код ОО,Должность\nНовиков Н.Н.,S1,учитель\n"
        let summary = try importer.summary(sandbox.write("comma-titled.csv", text), .staff)
        #expect(summary.errors.isEmpty && summary.added == 1)
        #expect(summary.delimiter == ",")
    }

    /// Without a row that reads as a header, the first row stays the header and its missing
    /// columns are the error, as before.
    @Test func withoutAHeaderRowTheFirstRowIsReported() throws {
        let text = "Сведения о школах\nS1;Школа 1\nS2;Школа 2\n"
        let summary = try importer.summary(sandbox.write("nohead.csv", text), .schools)
        #expect(summary.errors.map(\.line) == [1, 1])
        #expect(summary.errors.allSatisfy { $0.message.hasPrefix("нет обязательного столбца") })
        #expect(summary.warnings.allSatisfy { !$0.message.contains("пропущены") })
    }

    @Test func decimalCommasSpacesAndPercents() throws {
        try loadSchoolsAndStaff()
        let text = """
            Код ОО;Год;Процедура;Предмет;Класс;Количество участников;Средний балл;Средний балл по региону;Доля «2»;Доля «5»
            S1;2024;ОГЭ;математика;9;1 020;3,85;3.9;12,5%;30

            """
        let summary = try importer.summary(sandbox.write("r.csv", text), .results)
        #expect(summary.errors == [])
        let row = try db.writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM assessment_result") }
        #expect(row?["participants"] == 1020)
        #expect(row?["mean_score"] == 3.85)
        #expect(row?["region_mean"] == 3.9)
        #expect(row?["share_fail"] == 12.5)
        #expect(row?["share_top"] == 30.0)
    }

    @Test func bothDateFormsAnd31FebruaryRejected() throws {
        try loadSchoolsAndStaff()
        let t = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT staff_id, birth_date FROM staff ORDER BY staff_id").map {
                "\($0[0] as String)=\($0[1] as String)"
            }
        }
        #expect(t == ["T1=1980-03-05", "T2=1990-01-15", "T3=1970-02-01", "T4=1985-10-10"])
        let bad = "Табельный номер;ФИО;Код ОО;Должность;Дата рождения\nT9;Новиков Н.Н.;S1;учитель;31.02.1980\n"
        let path = sandbox.write("bad-date.csv", bad)
        let summary = try importer.summary(path, .staff)
        #expect(
            summary.errors == [
                ImportIssue(
                    line: 2, column: "Дата рождения",
                    message: "неверная дата; ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (31.02.1980)")
            ])
        #expect(
            summary.errors[0].formatted(file: path)
                == "\(path):2: столбец «Дата рождения»: неверная дата; ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (31.02.1980)"
        )
    }

    @Test func excelSerialNumberIsNotADate() throws {
        try loadSchoolsAndStaff()
        let text = "Табельный номер;ФИО;Код ОО;Должность;Дата рождения\nT9;Новиков Н.Н.;S1;учитель;29221\n"
        let summary = try importer.summary(sandbox.write("serial.csv", text), .staff)
        #expect(
            summary.errors.first?.message == "число Excel вместо даты; сохраните столбец как дату ДД.ММ.ГГГГ (29221)")
    }

    /// A year alone («1985» in «Дата рождения») was called an Excel serial number; it is a year.
    @Test func aYearAloneIsNotCalledAnExcelNumber() throws {
        try loadSchoolsAndStaff()
        let text = "Табельный номер;ФИО;Код ОО;Должность;Дата рождения\nT9;Новиков Н.Н.;S1;учитель;1985\n"
        let summary = try importer.summary(sandbox.write("year.csv", text), .staff)
        #expect(summary.errors.map(\.message) == ["указан только год; нужна полная дата ДД.ММ.ГГГГ (1985)"])
    }

    /// Excel's short date format and date-time cells get a hint of their own.
    @Test func shortYearsAndTimesAreExplained() throws {
        try loadSchoolsAndStaff()
        let text =
            "ФИО;Код ОО;Должность;Дата рождения\nА;S1;учитель;01.02.90\nБ;S1;учитель;1.02.90\nВ;S1;учитель;01.02.1990 0:00\nГ;S1;учитель;1990-02-01 00:00:00\nД;S1;учитель;01.02.1990г\nЕ;S1;учитель;01.02.1990 г.\nЖ;S1;учитель;31.02.1990\n"
        let summary = try importer.summary(sandbox.write("short.csv", text), .staff)
        #expect(
            summary.errors.map(\.message) == [
                "год из двух цифр; укажите год полностью: ДД.ММ.ГГГГ (01.02.90)",
                "год из двух цифр; укажите год полностью: ДД.ММ.ГГГГ (1.02.90)",
                "дата со временем; сохраните столбец в формате даты ДД.ММ.ГГГГ без времени (01.02.1990 0:00)",
                "дата со временем; сохраните столбец в формате даты ДД.ММ.ГГГГ без времени (1990-02-01 00:00:00)",
                "после даты лишнее «г.»; ожидается ДД.ММ.ГГГГ (01.02.1990г)",
                "после даты лишнее «г.»; ожидается ДД.ММ.ГГГГ (01.02.1990 г.)",
                "неверная дата; ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (31.02.1990)",
            ])
    }

    /// Files with one bad row, over the schools and staff above: the error, its line and column.
    @Test(arguments: [
        // An unknown school.
        (
            ImportKind.staff, "ФИО;Код ОО;Должность\nНовиков Н.Н.;S404;учитель\n",
            ImportIssue(
                line: 2, column: "Код ОО", message: "нет школы с таким кодом; сначала импортируйте список школ (S404)")
        ),
        // A person named by name and school: an unknown school is reported under the school.
        (
            .diagnostics, "ФИО;Код ОО;Дата;Предметные (балл)\nИванова Анна Петровна;S999;14.03.2025;60\n",
            ImportIssue(line: 2, column: "Код ОО", message: "нет школы с кодом «S999»")
        ),
        // Excel writes a long number as `7,72419E+11` and loses its last digits, in a staff file
        // and in a certificate number alike.
        (
            .staff, "Табельный номер;ФИО;Код ОО;Должность\n1,23457E+11;Новиков Н.Н.;S1;учитель\n",
            ImportIssue(
                line: 2, column: "Табельный номер",
                message:
                    "число в экспоненциальной записи Excel, последние цифры потеряны; задайте столбцу формат «Текстовый» и введите номер заново (1,23457E+11)"
            )
        ),
        (
            .trainings,
            "Табельный номер;Наименование программы;Организатор;Часы;Дата окончания;Номер удостоверения\nT1;Курс;ИРО;36;01.02.2025;7,72419E+11\n",
            ImportIssue(
                line: 2, column: "Номер удостоверения",
                message:
                    "число в экспоненциальной записи Excel, последние цифры потеряны; задайте столбцу формат «Текстовый» и введите номер заново (7,72419E+11)"
            )
        ),
        // A duplicate key inside one file.
        (
            .staff, "Табельный номер;ФИО;Код ОО;Должность\nT7;А;S1;учитель\nT8;Б;S1;учитель\nT7;В;S2;учитель\n",
            ImportIssue(
                line: 4, column: "Табельный номер", message: "повтор: запись с тем же ключом уже есть в строке 2 (T7)")
        ),
    ])
    func oneBadRow(kind: ImportKind, text: String, expected: ImportIssue) throws {
        try loadSchoolsAndStaff()
        #expect(try importer.summary(sandbox.write("bad.csv", text), kind).errors == [expected])
    }

    /// A staff import leaves the staff table's CHECK constraints to its own checks, which refuse
    /// every row that would break one, with the row's error and nothing written.
    @Test(arguments: [
        ("ФИО;Код ОО;Должность;Педстаж\n ;S1;учитель;3\n", "ФИО"),
        ("ФИО;Код ОО;Должность;Педстаж\nНовиков Н.Н.;S1; ;3\n", "Должность"),
        ("ФИО;Код ОО;Должность;Педстаж\nНовиков Н.Н.;S1;учитель;-3\n", "Педстаж"),
        ("ФИО;Код ОО;Должность;Категория\nНовиков Н.Н.;S1;учитель;вторая\n", "Категория"),
    ])
    func staffRowsThatWouldBreakACheckAreRefused(text: String, column: String) throws {
        try loadSchoolsAndStaff()
        let count = { try self.db.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") } }
        let before = try count()
        let errors = try importer.summary(sandbox.write("bad.csv", text), .staff).errors
        #expect(errors.map(\.column) == [column])
        #expect(try count() == before)
    }

    /// A staff import leaves foreign keys to its school map, and hands the connection back with
    /// SQLite checking them (and CHECK constraints) again, whether it committed or failed.
    @Test func foreignKeysAreCheckedAgainAfterAStaffImport() throws {
        try loadSchoolsAndStaff()
        let good = "ФИО;Код ОО;Должность\nНовиков Н.Н.;S1;учитель\n"
        #expect(try importer.summary(sandbox.write("good.csv", good), .staff).errors.isEmpty)
        let bad = "ФИО;Код ОО;Должность\nНовиков Н.Н.;S404;учитель\n"
        #expect(try !importer.summary(sandbox.write("bad.csv", bad), .staff).errors.isEmpty)
        let enforced = try db.writer.write { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(enforced == true)
        // A kind the CHECK constraint does not know; a school that does not exist.
        let refused = [
            "INSERT INTO staff (person_key, full_name, school_id, position, position_kind) SELECT 'y', 'Y', min(id), 'учитель', 'pupil' FROM school",
            "INSERT INTO staff (person_key, full_name, school_id, position, position_kind) VALUES ('x', 'X', 9999, 'учитель', 'pedagogical')",
        ]
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql)") { try db.writer.write { db in try db.execute(sql: sql) } }
        }
    }

    /// A full disk makes SQLite roll the whole transaction back by itself; the import must stop
    /// there, or every later row would commit on its own. `max_page_count` fills the "disk".
    @Test(arguments: [ImportKind.staff, .schools])
    func aFullDiskStopsTheImportAndWritesNothing(kind: ImportKind) throws {
        try loadSchoolsAndStaff()
        let before = try db.snapshot()
        let padding = String(repeating: "я", count: 300)
        let rows = (1...3000).map { i in
            kind == .staff ? "N\(i);Новикова \(padding) \(i);S1;учитель" : "X\(i);Школа \(padding) \(i)"
        }
        let header = kind == .staff ? "Табельный номер;ФИО;Код ОО;Должность" : "Код ОО;Наименование ОО"
        let file = sandbox.write("full.csv", ([header] + rows).joined(separator: "\n") + "\n")
        try db.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 8)")
        }
        let summary = try importer.summary(file, kind)
        try db.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        // One error, on the row being written, instead of one per remaining row.
        #expect(summary.errors.count == 1)
        #expect((2...3001).contains(summary.errors.first?.line ?? 0))
        #expect(
            summary.errors.first?.message
                == "импорт прерван: на диске нет места или база данных достигла предельного размера (database or disk is full); ничего не записано"
        )
        #expect(try db.snapshot() == before)
    }

    /// A file without personnel numbers names people already stored with one by name and birth
    /// date (or name and school): it updates them instead of adding second copies.
    @Test func staffWithoutPersonnelNumbersFindTheNumberedPeople() throws {
        try loadSchoolsAndStaff()
        let text =
            "ФИО;Код ОО;Должность;Дата рождения\nИванова Анна Петровна;S1;директор;05.03.1980\nНовая Ольга;S1;учитель;01.01.1995\n"
        let summary = try importer.summary(sandbox.write("nonum.csv", text), .staff)
        #expect(summary.errors == [])
        #expect((summary.added, summary.changed, summary.unchanged) == (1, 1, 0))
        // Without birth dates: the name and the school; a double space in a name is one space.
        let bySchool = try importer.summary(
            sandbox.write("nobirth.csv", "ФИО;Код ОО;Должность\nПетров  Иван\u{A0}Сергеевич;S2;учитель\n"), .staff)
        #expect((bySchool.added, bySchool.changed, bySchool.unchanged) == (0, 0, 1))
        #expect(try db.count("staff") == 5)
        let positions = try db.writer.read { db in
            try String.fetchAll(db, sql: "SELECT position FROM staff WHERE staff_id IN ('T1', 'T4') ORDER BY staff_id")
        }
        // The birth date told the two Ивановы Анны Петровны apart.
        #expect(positions == ["директор", "учитель"])
        // A person stored without a birth date is found by name and school from a row with one.
        _ = try importer.summary(
            sandbox.write("t9.csv", "Табельный номер;ФИО;Код ОО;Должность\nT9;Орлова Вера;S1;учитель\n"), .staff)
        let dated = try importer.summary(
            sandbox.write("t9b.csv", "ФИО;Код ОО;Должность;Дата рождения\nОрлова Вера;S1;учитель;03.03.1985\n"), .staff)
        #expect((dated.added, dated.changed) == (0, 1))
        // Past the first thousand rows the writer's thread is busy; the lookup waits for it.
        let many = (1...1500).map { "N\($0);Новиков \($0);S1;учитель" } + [";Петров Иван Сергеевич;S2;методист"]
        let late = try importer.summary(
            sandbox.write("late.csv", (["Табельный номер;ФИО;Код ОО;Должность"] + many).joined(separator: "\n") + "\n"),
            .staff)
        #expect(late.errors == [])
        #expect((late.added, late.changed) == (1500, 1))
        #expect(
            try db.writer.read { db in try String.fetchOne(db, sql: "SELECT position FROM staff WHERE staff_id = 'T2'")
            } == "методист")
        // Two numbered namesakes at one school: a row without number or birth date names neither.
        _ = try importer.summary(
            sandbox.write(
                "twins.csv",
                "Табельный номер;ФИО;Код ОО;Должность\nW1;Смирнова Ольга;S1;учитель\nW2;Смирнова Ольга;S1;учитель\n"),
            .staff)
        let namesake = try importer.summary(
            sandbox.write("namesake.csv", "ФИО;Код ОО;Должность\nСмирнова Ольга;S1;директор\n"), .staff)
        #expect((namesake.added, namesake.changed) == (1, 0))
        #expect(
            try db.writer.read { db in
                try String.fetchAll(db, sql: "SELECT position FROM staff WHERE staff_id IN ('W1', 'W2')")
            } == ["учитель", "учитель"])
    }

    /// Ways Excel users keep leading zeros and logical cells, read as what they mean.
    @Test func excelTextFormulasApostrophesAndLogicalCells() throws {
        let text = "Код ОО;Наименование ОО;Стажировочная площадка\n=\"007\";Школа 7;ИСТИНА\n'008;Школа 8;ЛОЖЬ\n"
        let summary = try importer.summary(sandbox.write("x.csv", text), .schools)
        #expect(summary.errors == [])
        let rows = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT code, internship_site FROM school ORDER BY code")
        }
        #expect(rows.map { $0[0] as String } == ["007", "008"])
        #expect(rows.map { $0[1] as Bool } == [true, false])
    }

    @Test func raggedRows() throws {
        let text = "Код ОО;Наименование ОО;Тип ОО\nS1;Школа;СОШ\nS2;Школа 2\nS3;Школа 3;СОШ;лишнее\nS4;Школа 4;СОШ;;\n"
        let summary = try importer.summary(sandbox.write("ragged.csv", text), .schools)
        #expect(
            summary.errors == [
                ImportIssue(
                    line: 3, column: nil, message: "в строке 2 полей, а в заголовке 3: проверьте разделители и кавычки"),
                ImportIssue(
                    line: 4, column: nil,
                    message: "в строке 4 полей, а в заголовке 3: лишние значения за последним столбцом (лишнее)"),
            ])
    }

    @Test func unterminatedQuoteFailsTheWholeFile() throws {
        let text = "Код ОО;Наименование ОО\nS1;Школа\nS2;\"Незакрытая\nS3;Школа 3\n"
        let summary = try importer.summary(sandbox.write("uq.csv", text), .schools)
        #expect(
            summary.errors == [
                ImportIssue(line: nil, column: nil, message: "кавычка, открытая в строке 3, не закрыта до конца файла")
            ])
        #expect(try db.count("school") == 0)
    }

    @Test func ambiguousAndUnknownNames() throws {
        try loadSchoolsAndStaff()
        // Two people named Иванова Анна Петровна: in S1 and S2. Without a school the name is ambiguous.
        let text = """
            ФИО;Код ОО;Дата диагностики;Предметные компетенции
            Иванова Анна Петровна;S1;15.03.2026;12
            Иванова Анна Петровна;S2;15.03.2026;9
            Никто Никтович;S1;15.03.2026;9

            """
        let ok = try importer.summary(sandbox.write("d.csv", text), .diagnostics)
        #expect(
            ok.errors == [
                ImportIssue(line: 4, column: "ФИО", message: "работник «Никто Никтович» в школе S1 не найден")
            ])
        let mentoring = "Наставник;Наставляемый\nИванова Анна Петровна;Т2\n"
        let m = try importer.summary(sandbox.write("m.csv", mentoring), .mentoring)
        #expect(
            m.errors.contains(
                ImportIssue(
                    line: 2, column: "Наставник",
                    message: "имя «Иванова Анна Петровна» неоднозначно: так зовут 2 работников; укажите табельный номер"
                )))
    }

    @Test func allOrNothing() throws {
        try loadSchoolsAndStaff()
        let before = try db.snapshot()
        let text =
            "Табельный номер;ФИО;Код ОО;Должность\nT1;Иванова Анна Петровна (новая);S1;учитель\nT20;Новый;S1;учитель\nT21;Ещё;S9;учитель\n"
        let summary = try importer.summary(sandbox.write("partial.csv", text), .staff)
        #expect(summary.errors.count == 1)
        #expect(try db.snapshot() == before)
        #expect(try db.count("staff") == 4)
        #expect(try db.count("import_log") == 2)
    }

    @Test func reimportIsIdempotentAndChangesAreCounted() throws {
        let path = sandbox.write("schools.csv", schoolsCSV)
        let first = try importer.summary(path, .schools)
        #expect((first.added, first.changed, first.unchanged) == (3, 0, 0))
        let second = try importer.summary(path, .schools)
        #expect((second.added, second.changed, second.unchanged) == (0, 0, 3))
        let changed =
            schoolsCSV.replacingOccurrences(of: "МКОУ «Третья НОШ»;ЗПР", with: "МКОУ «Третья НОШ»;ЗУР")
            + "S4;Четвёртая;;;;\n"
        let third = try importer.summary(sandbox.write("schools2.csv", changed), .schools)
        #expect((third.added, third.changed, third.unchanged) == (1, 1, 2))
        let staffPath = sandbox.write("staff.csv", staffCSV)
        #expect(try importer.summary(staffPath, .staff).added == 4)
        let again = try importer.summary(staffPath, .staff)
        #expect((again.added, again.changed, again.unchanged) == (0, 0, 4))
    }

    @Test func dryRunWritesNothingButCounts() throws {
        let before = try db.snapshot()
        let summary = try importer.summary(sandbox.write("schools.csv", schoolsCSV), .schools, dryRun: true)
        #expect(summary.dryRun)
        #expect(summary.added == 3)
        #expect(try db.snapshot() == before)
    }

    @Test func importLogRecordsFileHashKindAndCounts() throws {
        let path = sandbox.write("schools.csv", schoolsCSV)
        _ = try importer.summary(path, .schools)
        let row = try #require(try db.writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM import_log") })
        #expect(row["file_name"] == "schools.csv")
        #expect(row["kind"] == "schools")
        #expect(row["sha256"] == HexDigest.sha256(Array(schoolsCSV.utf8)))
        #expect(row["added"] == 3)
        #expect(row["imported_by"] == "tests")
    }

    @Test func kindIsInferredFromHeaders() throws {
        #expect(try KindInference.infer(headers: ["Код ОО", "Наименование ОО", "Статус"]).get() == .schools)
        #expect(try KindInference.infer(headers: ["Табельный номер", "ФИО", "Код ОО", "Должность"]).get() == .staff)
        #expect(
            try KindInference.infer(headers: ["Табельный номер", "Код программы", "Дата окончания"]).get() == .trainings
        )
        #expect(try KindInference.infer(headers: ["№ п/п", "Мероприятие", "Сроки", "Ответственные"]).get() == .roadmap)
        #expect(try KindInference.infer(headers: ["Код ОО", "Код школы-куратора"]).get() == .curators)
        #expect(try KindInference.infer(headers: ["Наставник", "Наставляемый"]).get() == .mentoring)
        #expect(
            try KindInference.infer(headers: ["Код ОО", "Год", "Процедура", "Предмет", "Средний балл"]).get()
                == .results)
        #expect(
            try KindInference.infer(headers: ["Код ОО", "Год", "Доля обучающихся из неполных семей"]).get() == .social)
        #expect(throws: KindInference.InferenceError.self) {
            try KindInference.infer(headers: ["Что-то", "Другое"]).get()
        }
        let summary = try importer.summary(sandbox.write("any.csv", schoolsCSV), nil)
        #expect(summary.kind == "schools")
        #expect(summary.added == 3)
    }

    @Test func rejectsFileListsEachBadRowWithItsErrors() throws {
        let text = "Код ОО;Наименование ОО;Обучающихся\nS1;Первая;100\nS2;;много\nS3;Третья;50\n"
        let rejects = sandbox.path("rejects.csv")
        let summary = try importer.summary(sandbox.write("rj.csv", text, encoding: .cp1251), .schools, rejects: rejects)
        #expect(summary.errors.count == 2)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: rejects)))
        let content = Windows1251.decode(bytes)
        #expect(
            content
                == "Код ОО;Наименование ОО;Обучающихся;Ошибки\r\nS2;;много;\"«Наименование ОО»: обязательное значение не заполнено; «Обучающихся»: не целое число (много)\"\r\n"
        )
        let attributes = try FileManager.default.attributesOfItem(atPath: rejects)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func everyErrorIsReportedNotOnlyTheFirst() throws {
        let text =
            "Код ОО;Наименование ОО;Широта;Долгота;Стажировочная площадка;Статус\nS1;;95;40;может быть;отличная\nS2;Вторая;54;;;\n"
        let summary = try importer.summary(sandbox.write("many.csv", text), .schools)
        #expect(
            summary.errors.map(\.column) == [
                "Наименование ОО", "Широта", "Стажировочная площадка", "Статус", "Долгота",
            ])
        #expect(summary.errors.map(\.line) == [2, 2, 2, 2, 3])
    }

    @Test func trainingsResolveCoursesAndAddExternalOnes() throws {
        try loadSchoolsAndStaff()
        let courses =
            "Код программы,Наименование программы,Организатор,Объём (часов),Темы\nK1,Формирующее оценивание,ИРО,36,\"формирующее оценивание; функциональная грамотность\"\n"
        #expect(try importer.summary(sandbox.write("c.csv", courses), .courses).errors == [])
        let trainings = """
            Табельный номер\tКод программы\tНаименование программы\tОрганизатор\tЧасы\tДата начала\tДата окончания\tСтатус\tНомер удостоверения
            T1\tK1\t\t\t\t01.02.2025\t10.02.2025\t\t1234
            T2\t\tФормирующее оценивание\t\t\t01.02.2025\t10.02.2025\tзавершено\t
            T3\tX-1\tНаставничество в школе\tООО «Курсы»\t72\t01.03.2026\t01.12.2026\t\t
            T4\t\tНеизвестный курс\t\t\t\t01.01.2024\t\t

            """
        let summary = try importer.summary(sandbox.write("t.tsv", trainings), .trainings)
        #expect(
            summary.errors == [
                ImportIssue(
                    line: 5, column: "Код программы",
                    message:
                        "программы нет в каталоге; для курса вне каталога укажите организатора и часы (Неизвестный курс)"
                )
            ])
        let fixed = trainings.replacingOccurrences(of: "T4\t\tНеизвестный курс\t\t\t\t01.01.2024\t\t\n", with: "")
        let ok = try importer.summary(sandbox.write("t2.tsv", fixed), .trainings)
        #expect(ok.errors == [])
        #expect(ok.added == 3)
        let external = try db.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT code, title, provider, hours, external FROM course WHERE external = 1")
        }
        #expect(external?["code"] == "X-1")
        #expect(external?["title"] == "Наставничество в школе")
        #expect(external?["hours"] == 72.0)
        let statuses = try db.writer.read { db in
            try String.fetchAll(db, sql: "SELECT status FROM training ORDER BY id")
        }
        #expect(statuses == ["completed", "completed", "studying"])
    }

    @Test func roadmapSectionRowsBecomeDirections() throws {
        let text = """
            № п/п;Мероприятие;Сроки;Ответственные;Планируемый результат
            Направление № 1: Организационные мероприятия;;;;
            1;Анализ результатов;Сентябрь – октябрь 2020;УО;Справка
            2;Совещание;Ежеквартально;УО;
            ;Направление № 2: Методическая поддержка;;;
            3;Семинар;По графику;ИМК;Приказ

            """
        let summary = try importer.summary(
            sandbox.write("rm.csv", text), .roadmap, roadmap: RoadmapOptions(title: "Тестовая карта"))
        #expect(summary.errors == [])
        #expect(summary.added == 3)
        let rows = try db.writer.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT a.number, a.term, d.title FROM activity a JOIN roadmap_direction d ON d.id = a.direction_id ORDER BY a.position"
            )
        }
        #expect(
            rows.map { $0["title"] as String } == [
                "Направление № 1: Организационные мероприятия",
                "Направление № 1: Организационные мероприятия",
                "Направление № 2: Методическая поддержка",
            ])
        #expect(
            try db.writer.read { db in try String.fetchOne(db, sql: "SELECT title FROM roadmap") } == "Тестовая карта")
        let again = try importer.summary(
            sandbox.write("rm.csv", text), .roadmap, roadmap: RoadmapOptions(title: "Тестовая карта"))
        #expect(again.unchanged == 3)
    }

    /// A roadmap with an error still says which terms it could not read, so that one round of
    /// fixes in Excel is enough.
    @Test func termWarningsComeWithTheErrors() throws {
        let text = "№ п/п;Мероприятие;Сроки\n1;Совещание;\n2;Отчёт;до 31.02.2026\n"
        let summary = try importer.summary(
            sandbox.write("rm-bad.csv", text), .roadmap, roadmap: RoadmapOptions(title: "Карта"))
        #expect(
            summary.errors == [ImportIssue(line: 2, column: "Сроки", message: "обязательное значение не заполнено")])
        #expect(
            summary.warnings == [
                ImportIssue(
                    line: 3, column: "Сроки",
                    message:
                        "срок не распознан (даты 31.02.2026 нет в календаре) и сохранён как текст, без дат (до 31.02.2026)"
                )
            ])
    }

    @Test func sectionRowsAreErrorsInOtherKinds() throws {
        let text = "Код ОО;Наименование ОО\nРаздел 1;\nS1;Школа\n"
        let summary = try importer.summary(sandbox.write("sec.csv", text), .schools)
        #expect(
            summary.errors == [
                ImportIssue(line: 2, column: "Наименование ОО", message: "обязательное значение не заполнено")
            ])
    }

    @Test func emptyFileAndHeaderOnly() throws {
        let empty = try importer.summary(sandbox.write("empty.csv", ""), .schools)
        #expect(empty.errors == [ImportIssue(line: nil, column: nil, message: "файл пуст: нет строки заголовков")])
        let headerOnly = try importer.summary(sandbox.write("h.csv", "Код ОО;Наименование ОО\n"), .schools)
        #expect(headerOnly.errors == [])
        #expect((headerOnly.added, headerOnly.changed, headerOnly.unchanged) == (0, 0, 0))
    }

    @Test func staffWithoutPersonnelNumberIsKeyedByNameAndBirthDate() throws {
        try loadSchoolsAndStaff()
        let text =
            "ФИО;Код ОО;Должность;Дата рождения\nЁлкина Ольга;S1;учитель;01.01.1990\nЕлкина  Ольга;S2;учитель;01.01.1990\n"
        let summary = try importer.summary(sandbox.write("nb.csv", text), .staff)
        #expect(
            summary.errors == [
                ImportIssue(
                    line: 3, column: "ФИО", message: "повтор: запись с тем же ключом уже есть в строке 2 (Елкина Ольга)"
                )
            ])
    }
}

/// A file with fewer columns than the database knows updates only what it has: Excel exports
/// of one department rarely carry every column, and a missing one must not erase data.
extension ImportRulesTests {
    func school(_ code: String) throws -> [String?] {
        try db.writer.read { db in
            let row = try #require(
                try Row.fetchOne(
                    db, sql: "SELECT name, address, CAST(latitude AS TEXT), head FROM school WHERE code = ?",
                    arguments: [code]))
            let statuses = try String.fetchAll(
                db,
                sql:
                    "SELECT status FROM school_status JOIN school ON school.id = school_id WHERE code = ? ORDER BY status",
                arguments: [code])
            return [row[0], row[1], row[2], row[3], statuses.joined(separator: ",")]
        }
    }

    @Test func schoolsKeepWhatTheFileDoesNotHave() throws {
        let full =
            "Код ОО;Наименование ОО;Статус;Адрес;Широта;Долгота;Директор\nS1;Первая;НОР;ул. Ленина, 1;52,1;104,2;Иванов И.И.\n"
        #expect(try importer.summary(sandbox.write("full.csv", full), .schools).added == 1)
        // Statuses only: the address, coordinates and director stay.
        let statuses = try importer.summary(
            sandbox.write("statuses.csv", "Код ОО;Наименование ОО;Статус\nS1;Первая;ШНСУ\n"), .schools)
        #expect(statuses.changed == 1)
        #expect(try school("S1") == ["Первая", "ул. Ленина, 1", "52.1", "Иванов И.И.", "adverseSocial"])
        // No status column: the statuses stay; an empty cell in a column the file has clears it.
        let address = try importer.summary(
            sandbox.write("address.csv", "Код ОО;Наименование ОО;Адрес;Директор\nS1;Первая;ул. Мира, 2;\n"), .schools)
        #expect(address.changed == 1)
        #expect(try school("S1") == ["Первая", "ул. Мира, 2", "52.1", nil, "adverseSocial"])
        // The same partial file again changes nothing.
        #expect(
            try importer.summary(
                sandbox.write("address.csv", "Код ОО;Наименование ОО;Адрес;Директор\nS1;Первая;ул. Мира, 2;\n"),
                .schools
            ).unchanged == 1)
    }

    @Test func staffKeepWhatTheFileDoesNotHave() throws {
        _ = try importer.summary(sandbox.write("schools.csv", "Код ОО;Наименование ОО\nS1;Первая\n"), .schools)
        let full =
            "Табельный номер;ФИО;Код ОО;Должность;Дата рождения;Категория;E-mail\nT1;Иванова Анна;S1;учитель;01.02.1980;первая;a@school.ru\n"
        #expect(try importer.summary(sandbox.write("full.csv", full), .staff).added == 1)
        let moved = try importer.summary(
            sandbox.write(
                "moved.csv", "Табельный номер;ФИО;Код ОО;Должность\nT1;Иванова Анна;S1;заместитель директора по УВР\n"),
            .staff)
        #expect(moved.changed == 1)
        let row = try db.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT position, birth_date, category, email FROM staff WHERE staff_id = 'T1'")
        }
        #expect(row?[0] == "заместитель директора по УВР")
        #expect(row?[1] == "1980-02-01")
        #expect(row?[2] == "first")
        #expect(row?[3] == "a@school.ru")
        // A new person from a partial file simply has no value there.
        _ = try importer.summary(
            sandbox.write("new.csv", "Табельный номер;ФИО;Код ОО;Должность\nT2;Петров Иван;S1;учитель\n"), .staff)
        #expect(
            try db.writer.read { db in try String.fetchOne(db, sql: "SELECT category FROM staff WHERE staff_id = 'T2'")
            } == nil)
    }

    /// Schools, staff and a course the files below refer to.
    func loadReferences() throws {
        try loadSchoolsAndStaff()
        let course = "Код программы;Наименование программы;Организатор;Объём (часов)\nK1;Оценивание;ИРО;36\n"
        #expect(try importer.summary(sandbox.write("course.csv", course), .courses).errors == [])
    }

    func values(_ sql: String) throws -> [String?] {
        try db.writer.read { db in
            let row = try #require(try Row.fetchOne(db, sql: sql))
            return row.databaseValues.map { $0.isNull ? nil : "\($0.storage.value!)" }
        }
    }

    /// `csv` without the columns named, as an export of fewer columns writes it.
    func leaving(out columns: [String], of csv: String) -> String {
        let rows = csv.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        let kept = rows[0].indices.filter { !columns.contains(String(rows[0][$0])) }
        return rows.map { row in kept.map { row[$0] }.joined(separator: ";") + "\n" }.joined()
    }

    /// Every other kind keeps what a file leaves out, too: a list of trainings without hours and
    /// certificates, or results without participants, must not erase them.
    @Test func everyKindKeepsWhatTheFileDoesNotHave() throws {
        try loadReferences()
        let files: [(ImportKind, full: String, leftOut: [String], sql: String, expected: [String?])] = [
            (
                .trainings,
                "Табельный номер;Код программы;Часы;Дата начала;Дата окончания;Статус;Номер удостоверения\nT1;K1;36;20.06.2025;27.06.2025;завершено;772419088232\n",
                ["Часы", "Дата окончания", "Статус", "Номер удостоверения"],
                "SELECT hours, end_date, status, certificate FROM training",
                ["36.0", "2025-06-27", "completed", "772419088232"]
            ),
            (
                .results,
                "Код ОО;Год;Процедура;Предмет;Класс;Участников;Средний балл;Доля «2»\nS1;2025;ВПР;математика;4;20;3,9;5%\n",
                ["Участников", "Доля «2»"],
                "SELECT participants, mean_score, share_fail FROM assessment_result", ["20", "3.9", "5.0"]
            ),
            (
                .social,
                "Код ОО;Год;Доля обучающихся из семей в ТЖС;Доля обучающихся из неполных семей\nS1;2025;9;30\n",
                ["Доля обучающихся из неполных семей"],
                "SELECT hardship_share, single_parent_share FROM social_context", ["9.0", "30.0"]
            ),
            (
                .diagnostics,
                "Табельный номер;Дата;Диагностика;Предметные (балл);Методические (балл);Психолого-педагогические компетенции;Дефициты\nT1;14.03.2025;ЦНППМ;60;55;70;оценивание\n",
                ["Методические (балл)", "Психолого-педагогические компетенции", "Дефициты"],
                "SELECT methodological_score, psychological_score, (SELECT group_concat(topic) FROM deficit WHERE diagnostic_result_id IS NOT NULL) FROM diagnostic_result",
                ["55.0", "70.0", "оценивание"]
            ),
            (
                .observations,
                "Табельный номер;Дата посещения;Наблюдатель;Класс;Предмет;Выявленные дефициты;Рекомендации\nT1;10.10.2025;Кравцова Е.В.;5А;математика;устная речь;больше практики\n",
                ["Класс", "Предмет", "Выявленные дефициты", "Рекомендации"],
                "SELECT class_name, subject, note, (SELECT group_concat(topic) FROM deficit WHERE observation_id IS NOT NULL) FROM lesson_observation",
                ["5А", "математика", "больше практики", "устная речь"]
            ),
            (
                .curators,
                "Код ОО;Код школы-куратора;Куратор;Муниципальный координатор;Дата назначения;Приказ\nS2;S1;Иванова А.П.;Кравцова Е.В.;01.09.2025;№ 5\n",
                ["Куратор", "Муниципальный координатор", "Дата назначения", "Приказ"],
                "SELECT curator_name, coordinator, since, order_ref FROM curator_pairing",
                ["Иванова А.П.", "Кравцова Е.В.", "2025-09-01", "№ 5"]
            ),
            (
                .mentoring,
                "Наставник;Наставляемый;Форма наставничества;Дата начала;Цель\nT1;T2;педагог — педагог;01.09.2025;адаптация\n",
                ["Форма наставничества", "Дата начала", "Цель"],
                "SELECT form, start_date, goal FROM mentorship", ["педагог — педагог", "2025-09-01", "адаптация"]
            ),
        ]
        for (kind, full, leftOut, sql, expected) in files {
            let first = try importer.summary(sandbox.write("full.csv", full), kind)
            #expect(first.errors == [] && first.added == 1, "\(kind)")
            let second = try importer.summary(sandbox.write("partial.csv", leaving(out: leftOut, of: full)), kind)
            #expect(second.errors == [] && second.unchanged == 1, "\(kind): \(second)")
            #expect(try values(sql) == expected, "\(kind)")
        }
        // A training file with end dates but no statuses gets the contract's default (completed
        // once ended), not the stored status.
        let notCompleted =
            "Табельный номер;Код программы;Дата начала;Дата окончания;Статус\nT1;K1;20.06.2025;27.06.2025;не завершено\n"
        #expect(try importer.summary(sandbox.write("nc.csv", notCompleted), .trainings).changed == 1)
        let ended = "Табельный номер;Код программы;Дата начала;Дата окончания\nT1;K1;20.06.2025;27.06.2025\n"
        #expect(try importer.summary(sandbox.write("ended.csv", ended), .trainings).changed == 1)
        #expect(try values("SELECT status FROM training") == ["completed"])
    }

    /// A key that differs from the stored one only in case or spaces («Математика», «впр»,
    /// «4 класс») names the same row, as it already did within one file.
    @Test func resultKeysMatchTheStoredSpelling() throws {
        try loadReferences()
        let first = "Код ОО;Год;Процедура;Предмет;Класс;Участников;Средний балл\nS1;2025;ВПР;русский язык;4;20;3,9\n"
        #expect(try importer.summary(sandbox.write("r1.csv", first), .results).added == 1)
        let again = "Код ОО;Год;Процедура;Предмет;Класс;Средний балл\nS1;2025;впр;Русский  язык;04 класс;4,1\n"
        let summary = try importer.summary(sandbox.write("r2.csv", again), .results)
        #expect((summary.added, summary.changed) == (0, 1))
        #expect(try db.count("assessment_result") == 1)
        #expect(
            try values("SELECT assessment, subject, grade, mean_score FROM assessment_result") == [
                "ВПР", "русский язык", "4", "4.1",
            ])
        // A row stored before grades were normalised («5 класс») is the same row as «5»; «5А» as «5а».
        try db.writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO assessment_result (school_id, year, assessment, subject, grade, mean_score) SELECT id, 2025, 'ВПР', 'русский язык', '5 класс', 3.5 FROM school WHERE code = 'S1'"
            )
        }
        let legacy =
            "Код ОО;Год;Процедура;Предмет;Класс;Средний балл\nS1;2025;ВПР;русский язык;5;3,6\nS1;2025;ВПР;русский язык;6А;3,6\n"
        #expect(try importer.summary(sandbox.write("r3.csv", legacy), .results).changed == 1)
        let lower = "Код ОО;Год;Процедура;Предмет;Класс;Средний балл\nS1;2025;ВПР;русский язык;6а;3,7\n"
        #expect(try importer.summary(sandbox.write("r4.csv", lower), .results).changed == 1)
        #expect(try db.count("assessment_result") == 3)
        // The diagnostic campaign likewise: one campaign, whatever the spaces.
        let d1 = "Табельный номер;Дата;Диагностика;Предметные (балл)\nT1;14.03.2025;Диагностика  ЦНППМ;60\n"
        let d2 = "Табельный номер;Дата;Диагностика;Предметные (балл)\nT2;14.03.2025;диагностика ЦНППМ;61\n"
        #expect(try importer.summary(sandbox.write("d1.csv", d1), .diagnostics).added == 1)
        #expect(try importer.summary(sandbox.write("d2.csv", d2), .diagnostics).added == 1)
        #expect(try db.count("diagnostic_campaign") == 1)
    }

    /// A table without rowids (social context) still tells added rows from changed ones.
    @Test func socialRowsAreCountedAsAddedOrChanged() throws {
        try loadReferences()
        _ = try importer.summary(
            sandbox.write("s1.csv", "Код ОО;Год;Доля обучающихся из семей в ТЖС\nS1;2025;9\n"), .social)
        let summary = try importer.summary(
            sandbox.write("s2.csv", "Код ОО;Год;Доля обучающихся из семей в ТЖС\nS1;2025;10\nS2;2025;1\nS1;2026;2\n"),
            .social)
        #expect((summary.added, summary.changed, summary.unchanged) == (2, 1, 0))
    }

    @Test func coursesKeepWhatTheFileDoesNotHave() throws {
        let full =
            "Код программы;Наименование программы;Организатор;Объём (часов);Темы;Количество мест\nK1;Оценивание;ИРО;36;формирующее оценивание;20\n"
        #expect(try importer.summary(sandbox.write("full.csv", full), .courses).added == 1)
        let hours = "Код программы;Наименование программы;Организатор;Объём (часов)\nK1;Оценивание;ИРО;72\n"
        #expect(try importer.summary(sandbox.write("hours.csv", hours), .courses).changed == 1)
        let row = try db.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT hours, topics, seats FROM course WHERE code = 'K1'")
        }
        #expect(row?[0] == 72.0)
        #expect(row?[1] == "формирующее оценивание")
        #expect(row?[2] == 20)
    }
}
