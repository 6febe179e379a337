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
            day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
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
    /// A day after every date a rule meets: «from now on, always».
    public static let latest = LocalDate(year: 9999, month: 12, day: 31)!

    /// Parses `DD.MM.YYYY`, `D.M.YYYY` and `YYYY-MM-DD`; Excel serial numbers are not dates, nor
    /// are years outside `plausibleYears` (a typo such as 01.01.0202, which would also put date
    /// arithmetic out of range).
    public init?(parsing text: String) {
        self.init(utf8: text.utf8)
    }

    /// `init(parsing:)` on a cell's UTF-8 bytes (the import reads most dates straight from
    /// its file's bytes): one pass, no allocation.
    @inlinable
    public init?(utf8 bytes: some Sequence<UInt8>) {
        guard let (year, month, day) = LocalDate.parse(bytes) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day the text names; `nil` when it is not a date of the contract.
    @inlinable
    static func parse(_ bytes: some Sequence<UInt8>) -> (Int, Int, Int)? {
        // The three numbers and the separators between them, which must be the same; spaces
        // and tabs around the date are allowed.
        var parts: (Int, Int, Int) = (0, 0, 0)
        var lengths: (Int, Int, Int) = (0, 0, 0)
        var separator: UInt8 = 0
        var part = 0
        var started = false
        var ended = false
        for b in bytes {
            if b == 32 || b == 9 {
                if started { ended = true }
                continue
            }
            guard !ended else { return nil }
            started = true
            if b >= 48 && b <= 57 {
                let digit = Int(b - 48)
                switch part {
                case 0:
                    parts.0 = parts.0 * 10 + digit
                    lengths.0 += 1
                case 1:
                    parts.1 = parts.1 * 10 + digit
                    lengths.1 += 1
                default:
                    parts.2 = parts.2 * 10 + digit
                    lengths.2 += 1
                }
                if lengths.0 > 4 || lengths.1 > 4 || lengths.2 > 4 { return nil }
            } else if (b == UInt8(ascii: "-") || b == UInt8(ascii: ".")) && part < 2
                && (separator == 0 || separator == b)
            {
                separator = b
                part += 1
            } else {
                return nil
            }
        }
        guard part == 2 else { return nil }
        if separator == UInt8(ascii: "-") {
            guard lengths == (4, 2, 2), plausibleYears.contains(parts.0) else { return nil }
            return (parts.0, parts.1, parts.2)
        }
        guard (1...2).contains(lengths.0), (1...2).contains(lengths.1), lengths.2 == 4,
            plausibleYears.contains(parts.2)
        else { return nil }
        return (parts.2, parts.1, parts.0)
    }

    /// Three zero-padded numbers joined by a separator, written as bytes: a large import or
    /// listing formats millions of dates. Every part fits its width (years are 1…9999).
    private static func joined(_ first: (Int, Int), _ second: (Int, Int), _ third: (Int, Int), separator: UInt8)
        -> String
    {
        String(unsafeUninitializedCapacity: first.1 + second.1 + third.1 + 2) { buffer in
            var end = 0
            for (index, (value, width)) in [first, second, third].enumerated() {
                if index > 0 {
                    buffer[end] = separator
                    end += 1
                }
                var rest = value
                for position in stride(from: end + width - 1, through: end, by: -1) {
                    buffer[position] = UInt8(48 + rest % 10)
                    rest /= 10
                }
                end += width
            }
            return end
        }
    }

    /// Reads exactly `YYYY-MM-DD`, as the database stores dates, from its UTF-8 bytes; nil for
    /// anything else.
    @inlinable
    public init?(iso bytes: some Sequence<UInt8>) {
        var numbers = (0, 0, 0)
        var count = 0
        for b in bytes {
            if count == 4 || count == 7 {
                guard b == 0x2D else { return nil }
            } else {
                guard count < 10, b >= 0x30 && b <= 0x39 else { return nil }
                let digit = Int(b - 0x30)
                switch count {
                case 0..<4: numbers.0 = numbers.0 * 10 + digit
                case 5..<7: numbers.1 = numbers.1 * 10 + digit
                default: numbers.2 = numbers.2 * 10 + digit
                }
            }
            count += 1
        }
        guard count == 10 else { return nil }
        self.init(year: numbers.0, month: numbers.1, day: numbers.2)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        // Date arithmetic can step past the years a date is read with; such a year is written whole.
        guard (1...9999).contains(year) else {
            return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        }
        return LocalDate.joined((year, 4), (month, 2), (day, 2), separator: UInt8(ascii: "-"))
    }

    /// `DD.MM.YYYY`, as Russian documents write dates.
    /// The number of characters of `russian`, without formatting it (a report measures the
    /// width of every date in a column).
    public var russianWidth: Int { (1...9999).contains(year) ? 10 : russian.utf8.count }

    public var russian: String {
        guard (1...9999).contains(year) else {
            return "\(day < 10 ? "0" : "")\(day).\(month < 10 ? "0" : "")\(month).\(year)"
        }
        return LocalDate.joined((day, 2), (month, 2), (year, 4), separator: UInt8(ascii: "."))
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
        let y = total / 12
        let m = total % 12 + 1
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
