import Foundation

/// How often an activity repeats.
public enum Recurrence: String, Codable, Sendable, CaseIterable {
    case monthly, quarterly, halfYearly, yearly

    /// Months between two occurrences of the series.
    public var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .halfYearly: 6
        case .yearly: 12
        }
    }

    /// The dates of the series' occurrence `times` steps after the one from `start` to `end`: moved
    /// on by whole months, an end at a month's end staying at the month's end.
    public func step(_ start: LocalDate, _ end: LocalDate, times: Int) -> (start: LocalDate, end: LocalDate) {
        // A one-day occurrence (a deadline) stays one day: «30.04.2026, далее ежемесячно» is due
        // 31 May, not from 30 to 31 May.
        if start == end {
            let day = TermParser.shiftEnd(end, months: months * times)
            return (day, day)
        }
        return (start.adding(months: months * times), TermParser.shiftEnd(end, months: months * times))
    }

    public var russian: String {
        switch self {
        case .monthly: "ежемесячно"
        case .quarterly: "ежеквартально"
        case .halfYearly: "раз в полугодие"
        case .yearly: "ежегодно"
        }
    }
}
