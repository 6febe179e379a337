import Foundation
import NastavnikCore

/// Writes an iCalendar file (RFC 5545) that Thunderbird and phone calendars import: a deadline
/// is a VTODO with DUE, a period a VEVENT with all-day DTSTART/DTEND, a series one component
/// with RRULE. UTF-8, CRLF, lines folded at 75 octets.
public struct ICalendarWriter: Sendable {
    /// One calendar entry: a deadline, a period, or the first of a series.
    public struct Entry: Sendable, Equatable {
        public var uid: String
        public var summary: String
        public var description: String?
        public var start: LocalDate
        public var end: LocalDate
        public var isDeadline: Bool
        public var recurrence: Recurrence?
        /// How many times a series occurs.
        public var count: Int
        public var done: Bool
        public var cancelled: Bool

        public init(uid: String, summary: String, description: String? = nil, start: LocalDate, end: LocalDate,
                    isDeadline: Bool = false, recurrence: Recurrence? = nil, count: Int = 1, done: Bool = false,
                    cancelled: Bool = false) {
            self.uid = uid
            self.summary = summary
            self.description = description
            self.start = start
            self.end = end
            self.isDeadline = isDeadline
            self.recurrence = recurrence
            self.count = count
            self.done = done
            self.cancelled = cancelled
        }
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
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Nastavnik//Nastavnik//RU", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.text(name)]
        for e in entries {
            let component = e.isDeadline ? "VTODO" : "VEVENT"
            lines.append("BEGIN:\(component)")
            lines.append("UID:" + e.uid)
            lines.append("DTSTAMP:" + dtstamp)
            lines.append("SUMMARY:" + Self.text(e.summary))
            if let description = e.description { lines.append("DESCRIPTION:" + Self.text(description)) }
            if e.isDeadline {
                // DUE alone: RFC 5545 wants a DUE later than any DTSTART, and a deadline has no start.
                lines.append("DUE;VALUE=DATE:" + Self.date(e.end))
                lines.append("STATUS:" + (e.cancelled ? "CANCELLED" : e.done ? "COMPLETED" : "NEEDS-ACTION"))
            } else {
                lines.append("DTSTART;VALUE=DATE:" + Self.date(e.start))
                // All-day events end on the day after their last day (RFC 5545, 3.6.1).
                lines.append("DTEND;VALUE=DATE:" + Self.date(e.end.adding(days: 1)))
                lines.append("TRANSP:TRANSPARENT")
                lines.append("STATUS:" + (e.cancelled ? "CANCELLED" : "CONFIRMED"))
            }
            if let r = e.recurrence, e.count > 1 {
                switch r {
                case .monthly: lines.append("RRULE:FREQ=MONTHLY;COUNT=\(e.count)")
                case .quarterly: lines.append("RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=\(e.count)")
                case .halfYearly: lines.append("RRULE:FREQ=MONTHLY;INTERVAL=6;COUNT=\(e.count)")
                case .yearly: lines.append("RRULE:FREQ=YEARLY;COUNT=\(e.count)")
                }
            }
            lines.append("END:\(component)")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }
}
