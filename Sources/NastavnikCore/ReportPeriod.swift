import Foundation

/// The period of a report: `2023Q2`, `2023-Q2`, `II квартал 2023`, or any period PeriodText reads.
public enum ReportPeriod {
    /// The days of the period, or nil when the text is not a period.
    public static func parse(_ text: String) -> ClosedRange<LocalDate>? {
        let s = text.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        if s.count == 6, s.dropFirst(4).first == "Q", let year = Int(s.prefix(4)), let q = Int(s.suffix(1)),
            (1...4).contains(q)
        {
            let start = LocalDate(year: year, month: (q - 1) * 3 + 1, day: 1)!
            return start...start.adding(months: 3).adding(days: -1)
        }
        let parsed = TermParser().parse(text)
        if parsed.flag == nil, parsed.occurrences.count == 1, let o = parsed.occurrences.first {
            return o.start...o.end
        }
        return PeriodText.parse(text).map { $0.start...$0.end }
    }
}
