import Foundation

/// A catalogue's term pattern written as a term of one school year, the way the officials'
/// roadmaps write terms and `TermParser` reads them (1 September to 31 August; September to
/// December fall in the first calendar year, January to August in the second).
public enum SchoolYearTerm {
    /// «октябрь» → «Октябрь 2026»; «сентябрь–октябрь» → «Сентябрь – октябрь 2026»;
    /// «ноябрь–февраль» → «Ноябрь 2026 – февраль 2027»; «декабрь, май» → «Декабрь 2026, май 2027»;
    /// «ежеквартально» → «Ежеквартально»; «ежемесячно» → «Ежемесячно»; «в течение учебного года»
    /// → «В течение 2026/27 учебного года», for `schoolYear` 2026. Nil for any other pattern.
    public static func text(_ pattern: String, schoolYear: Int) -> String? {
        let folded = CellValue.fold(pattern)
        switch folded {
        case "ежеквартально": return "Ежеквартально"
        case "ежемесячно": return "Ежемесячно"
        case "в течение учебного года":
            return "В течение \(schoolYear)/\(String(format: "%02d", (schoolYear + 1) % 100)) учебного года"
        default: break
        }
        let months = folded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if months.count > 1 {
            var parts: [String] = []
            for month in months {
                guard monthNames.contains(month), let number = TermParser.month(month) else { return nil }
                parts.append("\(month) \(year(of: number, schoolYear: schoolYear))")
            }
            return capitalized(parts.joined(separator: ", "))
        }
        let range = folded.split(whereSeparator: { $0 == "–" || $0 == "-" || $0 == "—" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard (1...2).contains(range.count), range.allSatisfy(monthNames.contains) else { return nil }
        let numbers = range.compactMap(TermParser.month)
        guard numbers.count == range.count else { return nil }
        if range.count == 1 { return capitalized("\(range[0]) \(year(of: numbers[0], schoolYear: schoolYear))") }
        let (first, last) = (year(of: numbers[0], schoolYear: schoolYear), year(of: numbers[1], schoolYear: schoolYear))
        guard schoolOrder(numbers[0]) < schoolOrder(numbers[1]) else { return nil }
        return capitalized(
            first == last ? "\(range[0]) – \(range[1]) \(last)" : "\(range[0]) \(first) – \(range[1]) \(last)")
    }

    /// The months in the nominative, as a pattern names them.
    static let monthNames: Set<String> = [
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
        "декабрь",
    ]

    /// The calendar year month `number` falls in, in the school year starting in `schoolYear`.
    static func year(of number: Int, schoolYear: Int) -> Int { number >= 9 ? schoolYear : schoolYear + 1 }

    /// The month's place in the school year: September 0 … August 11.
    static func schoolOrder(_ number: Int) -> Int { (number + 3) % 12 }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
