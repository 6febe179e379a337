import NastavnikCore
import Testing

@testable import NastavnikImport

/// How a cell's stored value reads: dates in both date systems, number formats, numbers.
@Suite struct XLSXValueTests {
    @Test(arguments: [
        (1.0, false, "01.01.1900"), (59.0, false, "28.02.1900"), (61.0, false, "01.03.1900"),
        (44907.0, false, "12.12.2022"), (33331.0, false, "03.04.1991"), (0.0, true, "01.01.1904"),
        (43445.0, true, "12.12.2022"),
    ])
    func serialsAreDates(serial: Double, date1904: Bool, expected: String) throws {
        let (date, minutes) = try #require(ExcelSerialDate.date(serial, date1904: date1904))
        #expect(date.russian == expected)
        #expect(minutes == 0)
    }

    @Test func theFictitiousLeapDayAndNegativeSerialsAreNoDates() {
        #expect(ExcelSerialDate.date(60, date1904: false) == nil)
        #expect(ExcelSerialDate.date(-1, date1904: false) == nil)
        #expect(ExcelSerialDate.date(0.5, date1904: false) == nil)
    }

    @Test func aTimeOfDayIsRoundedToTheMinute() throws {
        let (date, minutes) = try #require(ExcelSerialDate.date(44907.395833333336, date1904: false))
        #expect(date.russian == "12.12.2022")
        #expect(minutes == 9 * 60 + 30)
    }

    @Test(arguments: [
        ("General", CellFormat.general), ("DD.MM.YYYY", .date), ("dd\\.mm\\.yyyy", .date),
        ("[$-419]d mmmm yyyy", .date), ("dd/mm/yyyy hh:mm", .dateTime), ("h:mm:ss", .time), ("[h]:mm", .time),
        ("0.0%", .percent), ("@", .text), ("#,##0.00\" дн.\"", .general), ("mmm", .date),
        ("[Red]0.00;[Blue]-0.00", .general),
    ])
    func customFormats(code: String, expected: CellFormat) {
        #expect(CellFormat.custom(code) == expected)
    }

    @Test func builtInFormats() {
        #expect(CellFormat.builtIn(14) == .date)
        #expect(CellFormat.builtIn(22) == .dateTime)
        #expect(CellFormat.builtIn(10) == .percent)
        #expect(CellFormat.builtIn(49) == .text)
        #expect(CellFormat.builtIn(0) == .general)
    }

    @Test(arguments: [
        (7.5, "7,5"), (30, "30"), (0.30000000000000004, "0,3"), (772_419_000_123, "772419000123"),
        (-2.25, "-2,25"), (12.199999999999999, "12,2"),
    ])
    func numbersReadAsExcelShowsThem(number: Double, expected: String) {
        #expect(XLSXSheetReader.decimal(number) == expected)
    }

    @Test func columnLetters() {
        #expect(XLSXSheetReader.columnLetters(0) == "A")
        #expect(XLSXSheetReader.columnLetters(25) == "Z")
        #expect(XLSXSheetReader.columnLetters(26) == "AA")
        #expect(XLSXSheetReader.columnLetters(702) == "AAA")
    }

    @Test func aDimensionTellsTheRowsItSpans() {
        #expect(XLSXSheetReader.rowsSpanned("A1:H100001") == 100_001)
        #expect(XLSXSheetReader.rowsSpanned("$B$3:$D$12") == 10)
        #expect(XLSXSheetReader.rowsSpanned("A1") == nil)
        #expect(XLSXSheetReader.rowsSpanned("H9:A1") == nil)
    }
}
