import Foundation

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
