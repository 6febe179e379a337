import Foundation

/// A recurrence rule in the subset of RFC 5545 (section 3.3.10) the calendar writes, with the
/// expansion a calendar program applies to it. A series goes into the .ics as one rule only when
/// this expansion gives back every date the tool holds (`CalendarSeries.plan`); otherwise its
/// occurrences are written one by one.
public struct CalendarRule: Hashable, Sendable {
    public enum Frequency: String, Sendable { case monthly = "MONTHLY", yearly = "YEARLY" }

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

    public init(frequency: Frequency, interval: Int = 1, lastDayOfMonth: Bool = false, byMonth: Int? = nil, count: Int) {
        self.frequency = frequency
        self.interval = interval
        self.lastDayOfMonth = lastDayOfMonth
        self.byMonth = byMonth
        self.count = count
    }

    /// The rule for a recurrence anchored on `anchor`; `lastDayOfMonth` for a month-end series.
    public init(every recurrence: Recurrence, anchor: LocalDate, lastDayOfMonth: Bool, count: Int) {
        if recurrence == .yearly {
            self.init(frequency: .yearly, lastDayOfMonth: lastDayOfMonth, byMonth: lastDayOfMonth ? anchor.month : nil, count: count)
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
            guard let date = LocalDate(year: year, month: month, day: day), date >= start else { misses += 1; continue }
            misses = 0
            out.append(date)
        }
        return out
    }
}

/// How the occurrences of one activity's series go into a calendar.
public enum CalendarSeries {
    /// One occurrence: its first and last day; `excluded` when it is done or cancelled, so that
    /// it is taken out of the series (EXDATE) and written as its own entry.
    public struct Span: Hashable, Sendable {
        public var start: LocalDate
        public var end: LocalDate
        public var excluded: Bool

        public init(start: LocalDate, end: LocalDate, excluded: Bool = false) {
            self.start = start
            self.end = end
            self.excluded = excluded
        }
    }

    /// A series written as one component: DTSTART (and DTEND or DUE) from `first`, the rule,
    /// and the dates its excluded occurrences are taken out by.
    public struct Plan: Hashable, Sendable {
        public var first: Span
        public var rule: CalendarRule
        public var exceptions: [LocalDate]
    }

    /// The rule that a calendar expands from the first occurrence into every one of `spans`
    /// (sorted), each instance starting on the rule's date and lasting as long as the first;
    /// `nil` when there is none (months of different lengths, a 30th that February lacks), and
    /// the occurrences must be written one by one.
    public static func plan(_ spans: [Span], every recurrence: Recurrence) -> Plan? {
        guard spans.count > 1, let first = spans.first else { return nil }
        let length = first.start.days(until: first.end)
        guard spans.allSatisfy({ $0.start.days(until: $0.end) == length }) else { return nil }
        let starts = spans.map(\.start)
        let isMonthEnd = first.start.day == LocalDate.daysIn(month: first.start.month, year: first.start.year)
        // A month-end anchor tries the month's last day first: a quarterly 31 March goes on to 30 June.
        for lastDay in isMonthEnd ? [true, false] : [false] {
            let rule = CalendarRule(every: recurrence, anchor: first.start, lastDayOfMonth: lastDay, count: spans.count)
            if rule.dates(from: first.start) == starts {
                return Plan(first: first, rule: rule, exceptions: spans.filter(\.excluded).map(\.start))
            }
        }
        return nil
    }
}

/// What a status mark of a roadmap occurrence may say.
public enum OccurrenceMarkRule {
    /// A mark records what has happened: its date may not be after `today` (a «выполнено» dated
    /// 01.01.2099 was accepted and counted as done in every report).
    public static func dateProblem(_ date: LocalDate, today: LocalDate) -> String? {
        guard date > today else { return nil }
        return "Дата отметки \(date.russian) ещё не наступила (сегодня \(today.russian)): отмечается то, что уже произошло."
    }
}
