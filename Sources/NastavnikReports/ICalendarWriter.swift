import Foundation
import NastavnikCore

/// Writes an iCalendar file (RFC 5545) that Thunderbird and phone calendars import: a deadline
/// is a VTODO with DUE, a period a VEVENT with all-day DTSTART/DTEND, a series one component
/// with DTSTART and RRULE (`CalendarSeries.plan` decides which series a rule reproduces), its
/// done or cancelled occurrences taken out by EXDATE and written on their own; a done occurrence
/// is a completed VTODO. UTF-8, CRLF, lines folded at 75 octets.
public struct ICalendarWriter: Sendable {
    /// One calendar entry: a deadline, a period, or a series of either.
    public struct Entry: Sendable, Equatable {
        public var uid: String
        public var summary: String
        public var description: String?
        /// The first day (of the series' first occurrence); a deadline's date.
        public var start: LocalDate
        /// The last day; a deadline's date.
        public var end: LocalDate
        public var isDeadline: Bool = false
        /// The series' rule: the entry is its first occurrence.
        public var rule: CalendarRule?
        /// The series' occurrences written as entries of their own (done, cancelled): EXDATE.
        public var exceptions: [LocalDate] = []
        public var done: Bool = false
        /// Done on this date: written as a completed VTODO, whether a deadline or a period.
        public var completed: LocalDate?
        public var cancelled: Bool = false
    }

    public var name: String
    /// DTSTAMP of every component: when the file was made (UTC).
    public var stamp: Date

    public init(name: String, stamp: Date = Date()) {
        self.name = name
        self.stamp = stamp
    }

    static func date(_ d: LocalDate) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    /// TEXT values escape backslashes, semicolons, commas and line breaks.
    static func text(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(ch)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 character; continuation
    /// lines start with a space.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        var first = true
        for ch in line {
            let size = String(ch).utf8.count
            let limit = first ? 75 : 74
            if count + size > limit {
                out += "\r\n "
                count = 0
                first = false
            }
            out.append(ch)
            count += size
        }
        return out + "\r\n"
    }

    public func render(_ entries: [Entry]) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let dtstamp = formatter.string(from: stamp)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Nastavnik//Nastavnik//RU", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.text(name),
        ]
        for e in entries {
            // A done occurrence is a completed to-do (RFC 5545, 3.8.1.11: COMPLETED is a VTODO's),
            // even when it was a period of work.
            let isTodo = e.isDeadline || e.done
            let component = isTodo ? "VTODO" : "VEVENT"
            lines.append("BEGIN:\(component)")
            lines.append("UID:" + e.uid)
            lines.append("DTSTAMP:" + dtstamp)
            lines.append("SUMMARY:" + Self.text(e.summary))
            if let description = e.description { lines.append("DESCRIPTION:" + Self.text(description)) }
            if isTodo {
                // A series needs DTSTART: RRULE expands from it (RFC 5545, 3.8.5.3). A deadline's
                // start is its due date (DUE equal to or after DTSTART, 3.8.2.3); a lone deadline
                // has DUE alone; a done period keeps its first day.
                if e.rule != nil || !e.isDeadline {
                    lines.append("DTSTART;VALUE=DATE:" + Self.date(e.isDeadline ? e.end : e.start))
                }
                lines.append("DUE;VALUE=DATE:" + Self.date(e.end))
                if e.done {
                    lines.append("STATUS:COMPLETED")
                    // COMPLETED is a UTC date-time (3.8.2.1); the day the evidence is dated.
                    lines.append("COMPLETED:" + Self.date(e.completed ?? e.end) + "T000000Z")
                } else {
                    lines.append("STATUS:" + (e.cancelled ? "CANCELLED" : "NEEDS-ACTION"))
                }
            } else {
                lines.append("DTSTART;VALUE=DATE:" + Self.date(e.start))
                // All-day events end on the day after their last day (RFC 5545, 3.6.1).
                lines.append("DTEND;VALUE=DATE:" + Self.date(e.end.adding(days: 1)))
                lines.append("TRANSP:TRANSPARENT")
                lines.append("STATUS:" + (e.cancelled ? "CANCELLED" : "CONFIRMED"))
            }
            if let rule = e.rule {
                lines.append("RRULE:" + rule.text)
                if !e.exceptions.isEmpty {
                    lines.append("EXDATE;VALUE=DATE:" + e.exceptions.map(Self.date).joined(separator: ","))
                }
            }
            lines.append("END:\(component)")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }
}
