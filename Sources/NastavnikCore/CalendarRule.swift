import Foundation

/// A recurrence rule in the subset of RFC 5545 (section 3.3.10) the calendar writes, with the
/// expansion a calendar program applies to it. A series goes into the .ics as one rule only when
/// this expansion gives back every date the tool holds (`CalendarSeries.plan`); otherwise its
/// occurrences are written one by one.
public struct CalendarRule: Hashable, Sendable {
    public enum Frequency: String, Sendable {
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    public var frequency: Frequency
    /// Months (monthly) or years (yearly) between two instances.
    public var interval: Int
    /// BYMONTHDAY=-1: the last day of the month. A rule without it repeats DTSTART's day and,
    /// by RFC 5545, skips the months that have no such day (a quarterly 31st would skip June and
    /// September), so a month-end series needs it.
    public var lastDayOfMonth: Bool
    /// BYMONTH, written with a yearly month-end rule: without it a yearly BYMONTHDAY=-1 expands to
    /// every month of the year (RFC 5545, 3.3.10, the table of BYxxx rules for YEARLY).
    public var byMonth: Int?
    /// COUNT: instances generated, including DTSTART and any that EXDATE removes afterwards.
    public var count: Int

    public init(frequency: Frequency, interval: Int = 1, lastDayOfMonth: Bool = false, byMonth: Int? = nil, count: Int)
    {
        self.frequency = frequency
        self.interval = interval
        self.lastDayOfMonth = lastDayOfMonth
        self.byMonth = byMonth
        self.count = count
    }

    /// The rule for a recurrence anchored on `anchor`; `lastDayOfMonth` for a month-end series.
    public init(every recurrence: Recurrence, anchor: LocalDate, lastDayOfMonth: Bool, count: Int) {
        if recurrence == .yearly {
            self.init(
                frequency: .yearly, lastDayOfMonth: lastDayOfMonth, byMonth: lastDayOfMonth ? anchor.month : nil,
                count: count)
        } else {
            self.init(frequency: .monthly, interval: recurrence.months, lastDayOfMonth: lastDayOfMonth, count: count)
        }
    }

    /// The value of the RRULE property.
    public var text: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let byMonth { parts.append("BYMONTH=\(byMonth)") }
        if lastDayOfMonth { parts.append("BYMONTHDAY=-1") }
        parts.append("COUNT=\(count)")
        return parts.joined(separator: ";")
    }

    /// The dates the rule gives from `start` (DTSTART), as RFC 5545 expands it: the month (or
    /// year) steps by the interval; the day is DTSTART's, a month without that day giving no
    /// instance, or the month's last day with BYMONTHDAY=-1. DTSTART is the first instance
    /// (every series this tool writes starts on a date of its own rule).
    public func dates(from start: LocalDate) -> [LocalDate] {
        var out: [LocalDate] = []
        var step = 0
        // A rule that finds no day in 400 periods in a row finds none (29 February needs at most 8 years).
        var misses = 0
        while out.count < count, misses < 400 {
            let months = (frequency == .yearly ? 12 : 1) * interval * step
            step += 1
            let total = start.year * 12 + (start.month - 1) + months
            let year = total / 12
            var month = total % 12 + 1
            if let byMonth { month = byMonth }
            let day = lastDayOfMonth ? LocalDate.daysIn(month: month, year: year) : start.day
            guard let date = LocalDate(year: year, month: month, day: day), date >= start else {
                misses += 1
                continue
            }
            misses = 0
            out.append(date)
        }
        return out
    }
}
