import NastavnikCore

/// A spreadsheet's date serial as a date: the number of days since the workbook's epoch, the
/// fraction being the time of day.
///
/// ECMA-376 part 1, §18.17.4: in the 1900 date system serial 1 is 1 January 1900 and serial 60
/// is the non-existent 29 February 1900 (kept for compatibility with Lotus 1-2-3), so from
/// serial 61 on a date is 30 December 1899 plus the serial; in the 1904 system (`date1904`,
/// old Mac workbooks) serial 0 is 1 January 1904.
enum ExcelSerialDate {
    /// The date and the minutes past midnight of `serial`, or `nil` for a serial that is no
    /// date (negative, the fictitious 29.02.1900, or beyond year 9999).
    static func date(_ serial: Double, date1904: Bool) -> (date: LocalDate, minutes: Int)? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        // Rounded to the minute: a time typed as 09:30 is stored as 0.39583333333333331.
        var minutes = Int(((serial - Double(days)) * 1440).rounded())
        if minutes == 1440 {
            days += 1
            minutes = 0
        }
        let date: LocalDate?
        if date1904 {
            date = LocalDate(year: 1904, month: 1, day: 1)?.adding(days: days)
        } else if days == 60 {
            return nil
        } else if days == 0 {
            // Serial 0 is «00.01.1900»: a time of day without a date.
            return nil
        } else {
            date = LocalDate(year: 1899, month: 12, day: days < 60 ? 31 : 30)?.adding(days: days)
        }
        guard let date else { return nil }
        return (date, minutes)
    }
}
