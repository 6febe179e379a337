import Foundation
import GRDB
import NastavnikCore
import Testing
import ZIPFoundation

@testable import NastavnikImport
@testable import NastavnikStore

/// Workbooks as openpyxl and LibreOffice write them (`Scripts/gen-xlsx-fixtures.py`), imported
/// directly: the same rows, checks and all-or-nothing rule as a CSV file's.
@Suite struct XLSXImportTests: ImportingSuite {
    /// Each test's database, with the fixtures' two schools, in a sandbox that lives as long as the test.
    let base: ImportBase

    init() throws {
        base = try ImportBase()
        let schools = try importer.recognised(try Self.fixture("schools.xlsx"), as: "schools")
        #expect(schools.sheet == "Школы")
        #expect(schools.added == 2)
    }

    static func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/xlsx/\(name)", withExtension: nil)).path
    }

    func staffRows(_ db: NastavnikDatabase) throws -> [[String?]] {
        try db.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.staff_id, s.full_name, sc.code, s.position, s.subjects, s.birth_date,
                           CAST(s.experience_years AS TEXT), s.category, s.category_date
                    FROM staff s JOIN school sc ON sc.id = s.school_id ORDER BY s.staff_id
                    """
            ).map { row in (0..<row.count).map { row[$0] as String? } }
        }
    }

    static let expectedStaff: [[String?]] = [
        [
            "00123", "Семёнова Алёна Юрьевна", "X01", "учитель", "математика; информатика", "1991-04-03", "7.5",
            "first", "2022-12-12",
        ],
        ["00124", "Ёлкин Пётр Ильич", "X02", "директор", "", "1968-02-01", "30.0", "highest", "2021-05-20"],
        [
            "00125", "Щукина Ольга Сергеевна", "X01", "учитель начальных классов", "начальные классы", "1999-09-15",
            "2.0", "none", nil,
        ],
    ]

    @Test func openpyxlWorkbookImportsFromTheSheetWithTheTable() throws {
        let summary = try importer.recognised(try Self.fixture("staff-openpyxl.xlsx"), as: "staff")
        // The first sheet holds instructions only: the table is found on the second.
        #expect(summary.sheet == "Педагоги")
        #expect(summary.added == 3)
        #expect(summary.encoding == nil)
        // The merged title above the table is passed over, and said so.
        #expect(summary.warnings.map(\.cell) == ["Педагоги, строка 3"])
        #expect(try staffRows(db) == Self.expectedStaff)
        // The same workbook again changes nothing.
        #expect(try importer.summary(try Self.fixture("staff-openpyxl.xlsx"), nil).unchanged == 3)
    }

    @Test func datesOfThe1904SystemReadAsTheSameDays() throws {
        let summary = try importer.summary(try Self.fixture("staff-1904.xlsx"), .staff)
        #expect(summary.errors == [])
        let rows = try staffRows(db)
        #expect(rows == Self.expectedStaff, "\(rows)")
    }

    @Test func libreOfficeWorkbookReadsTheFormulasCachedValue() throws {
        let summary = try importer.summary(try Self.fixture("staff-libreoffice.xlsx"), .staff)
        #expect(summary.errors == [])
        var expected = Self.expectedStaff
        // `=D4`: the last worker's position is the first's, as LibreOffice computed and saved it.
        expected[2][3] = "учитель"
        #expect(try staffRows(db) == expected)
    }

    @Test func errorsNameTheSheetAndTheCellAndNothingIsWritten() throws {
        let before = try db.snapshot()
        let path = try Self.fixture("staff-errors.xlsx")
        let summary = try importer.summary(path, .staff)
        #expect(try db.snapshot() == before)
        #expect(summary.errors.map(\.cell) == ["Лист1!F2", "Лист1!C3", "Лист1!G3"])
        let lines = summary.errors.map { $0.formatted(file: "staff-errors.xlsx") }
        #expect(lines[0].hasPrefix("staff-errors.xlsx:Лист1!F2: столбец «Дата рождения»: "))
        #expect(lines[0].hasSuffix("(31.02.1980)"))
        #expect(lines[1].hasPrefix("staff-errors.xlsx:Лист1!C3: столбец «Код ОО»: "))
        #expect(lines[2].hasPrefix("staff-errors.xlsx:Лист1!G3: "))
        #expect(lines[2].hasSuffix("(много)"))
    }

    @Test func aSheetIsChosenByNameOrNumber() throws {
        let path = try Self.fixture("staff-openpyxl.xlsx")
        func run(sheet: String) throws -> ImportSummary {
            var options = ImportOptions(dryRun: true, today: testToday)
            options.sheet = sheet
            do { return try importer.run(path: path, kind: .staff, options: options) } catch let failure
                as ImportFailure
            { return failure.summary }
        }
        #expect(try run(sheet: "2").added == 3)
        #expect(try run(sheet: "педагоги").added == 3)
        let wrong = try run(sheet: "Пояснения")
        #expect(wrong.sheet == "Пояснения")
        #expect(!wrong.errors.isEmpty)
        let missing = try run(sheet: "Кадры")
        #expect(
            missing.errors.map(\.message) == [
                "в книге нет листа «Кадры»; листы: «Пояснения», «Педагоги» (укажите --sheet ИМЯ или номер листа с 1)"
            ])
    }

    @Test func aDryRunOfAWorkbookWritesNothing() throws {
        let before = try db.snapshot()
        let summary = try importer.summary(try Self.fixture("staff-openpyxl.xlsx"), .staff, dryRun: true)
        #expect(summary.added == 3)
        #expect(try db.snapshot() == before)
    }

    @Test func aHundredThousandRows() throws {
        let summary = try importer.summary(try Self.fixture("staff-100k.xlsx"), .staff)
        #expect(summary.errors == [])
        #expect(summary.added == 100_000)
        // A sheet's rows take the staff file's fast path, as a CSV file's do.
        #expect(summary.rowsReadAsBytes == 100_000)
        #expect(try db.count("staff") == 100_000)
        let last = try db.writer.read { db in
            try String.fetchOne(db, sql: "SELECT staff_id FROM staff ORDER BY staff_id DESC LIMIT 1")
        }
        #expect(last == "100000")
    }

    @Test func anOldExcelWorkbookIsRefusedWithWhatToDo() throws {
        let path = sandbox.writeBytes(
            "staff.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        let summary = try importer.summary(path, .staff)
        #expect(summary.errors.count == 1)
        #expect(summary.errors[0].message.contains("Excel 97–2003 (.xls)"))
    }

    @Test func aZipThatIsNoWorkbookIsRefused() throws {
        // A ZIP signature and nothing after it: a file cut short while copying.
        let path = sandbox.writeBytes("staff.xlsx", XLSXWorkbook.signature + [0, 0, 0, 0])
        let summary = try importer.summary(path, .staff)
        #expect(summary.errors.count == 1)
        #expect(
            summary.errors.map(\.message) == [
                "файл начинается как книга Excel (.xlsx), но не открывается как архив: он повреждён или сохранён не полностью; откройте его в Excel и сохраните заново"
            ])
    }
}

extension XLSXImportTests {
    @Test func rejectsAsAWorkbookFillTheBadCellsRed() throws {
        let rejects = sandbox.path("rejects.xlsx")
        let summary = try importer.summary(try Self.fixture("staff-errors.xlsx"), .staff, rejects: rejects)
        #expect(summary.errors.count == 3)
        // The rejects workbook is read back as any workbook is: the rows, and «Ошибки» last.
        let workbook = try XLSXWorkbook(path: rejects)
        #expect(workbook.sheets.map(\.name) == ["Отклонённые строки"])
        let reader = workbook.reader(sheet: 0)
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        #expect(records.count == 3)
        #expect(records[0].last == "Ошибки")
        #expect(records[1][5] == "31.02.1980")
        #expect(records[1].last?.hasPrefix("«Дата рождения»: ") == true)
        #expect(records[2][2] == "Z99")
        // The cells the errors name carry the red fill (style 7); others do not.
        let sheet = try Self.part(rejects, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<c r=\"F2\" t=\"inlineStr\" s=\"7\">"))
        #expect(sheet.contains("<c r=\"C3\" t=\"inlineStr\" s=\"7\">"))
        #expect(sheet.contains("<c r=\"G3\" t=\"inlineStr\" s=\"7\">"))
        #expect(!sheet.contains("<c r=\"B2\" t=\"inlineStr\" s=\"7\">"))
    }

    static func part(_ path: String, _ name: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let entry = try #require(archive[name])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
