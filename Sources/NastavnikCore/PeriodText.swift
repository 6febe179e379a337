import Foundation

/// Periods as departments write them: `2023`, `2020-2022`, `2020–2022`, a school year `2024/25`
/// or `2024/2025` (1 September to 31 August), or two dates `01.09.2024-31.05.2025`.
public enum PeriodText {
    public static func parse(_ text: String) -> (start: LocalDate, end: LocalDate)? {
        let s = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: " ", with: "")
        if let year = Int(s), (1990...2200).contains(year) {
            return (LocalDate(year: year, month: 1, day: 1)!, LocalDate(year: year, month: 12, day: 31)!)
        }
        if s.contains("/") {
            let parts = s.split(separator: "/")
            guard parts.count == 2, let first = Int(parts[0]), (1990...2200).contains(first), let second = Int(parts[1])
            else { return nil }
            let next = second < 100 ? first / 100 * 100 + second : second
            guard next == first + 1 else { return nil }
            return (LocalDate(year: first, month: 9, day: 1)!, LocalDate(year: next, month: 8, day: 31)!)
        }
        let parts = s.split(separator: "-")
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), (1990...2200).contains(a), b >= a, b <= 2200
        {
            return (LocalDate(year: a, month: 1, day: 1)!, LocalDate(year: b, month: 12, day: 31)!)
        }
        if parts.count == 2, let a = LocalDate(parsing: String(parts[0])), let b = LocalDate(parsing: String(parts[1])),
            a <= b
        {
            return (a, b)
        }
        return nil
    }
}
