import Foundation

/// A calendar date without a time zone, as Russian documents write it.
///
/// Stored as ISO text (`YYYY-MM-DD`) so that SQLite compares dates as strings.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or `nil` when the day does not exist (31.02, 29.02 of a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The years a date of this domain can have: births, trainings and roadmaps.
    public static let plausibleYears = 1800...2200

    /// Parses `DD.MM.YYYY`, `D.M.YYYY` and `YYYY-MM-DD`; Excel serial numbers are not dates, nor
    /// are years outside `plausibleYears` (a typo such as 01.01.0202, which would also put date
    /// arithmetic out of range).
    public init?(parsing text: String) {
        // Works on bytes: dates are read for every row of a large import.
        var utf8 = ArraySlice(text.utf8)
        while let first = utf8.first, first == 32 || first == 9 { utf8 = utf8.dropFirst() }
        while let last = utf8.last, last == 32 || last == 9 { utf8 = utf8.dropLast() }
        func number(_ bytes: ArraySlice<UInt8>) -> Int? {
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        if utf8.contains(UInt8(ascii: "-")) {
            let parts = utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = number(parts[0]), let m = number(parts[1]), let d = number(parts[2]),
                  LocalDate.plausibleYears.contains(y) else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            let parts = utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts[2].count == 4,
                  let d = number(parts[0]), let m = number(parts[1]), let y = number(parts[2]),
                  LocalDate.plausibleYears.contains(y) else { return nil }
            self.init(year: y, month: m, day: d)
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// `YYYY-MM-DD`.
    /// Reads exactly `YYYY-MM-DD`, as the database stores dates; nil for anything else.
    public init?(iso bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var iso: String {
        LocalDate.padded(year, 4) + "-" + LocalDate.padded(month, 2) + "-" + LocalDate.padded(day, 2)
    }

    /// `DD.MM.YYYY`, as Russian documents write dates.
    public var russian: String {
        LocalDate.padded(day, 2) + "." + LocalDate.padded(month, 2) + "." + LocalDate.padded(year, 4)
    }

    public var description: String { iso }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days since an arbitrary epoch; differences between two dates are exact.
    public var dayNumber: Int {
        // Fliegel–Van Flandern algorithm for the Julian day number.
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    public init(dayNumber jdn: Int) {
        let a = jdn + 32044
        let b = (4 * a + 3) / 146097
        let c = a - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        let day = e - (153 * m + 2) / 5 + 1
        let month = m + 3 - 12 * (m / 10)
        let year = 100 * b + d - 4800 + m / 10
        self.year = year
        self.month = month
        self.day = day
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int { dayNumber % 7 + 1 }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> LocalDate {
        let y = year + years
        return LocalDate(year: y, month: month, day: min(day, LocalDate.daysIn(month: month, year: y)))!
    }

    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))!
    }

    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// Whole years from this date to `other` (an age or a length of service).
    public func wholeYears(until other: LocalDate) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    /// Today in the machine's time zone.
    public static func today(timeZone: TimeZone = .current) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Неверная дата: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
