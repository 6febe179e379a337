import Foundation

/// Plain checks of what a department's file says: values no real record has.
public enum Plausibility {
    /// A number as Excel shows and saves a long one (`7,72419E+11`): its last digits are lost,
    /// so as a key or a phone it is an error, not the value.
    public static func isExcelExponent(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "+")) else { return false }
        return text.range(of: #"^\d+([.,]\d+)?[eE]\+\d+$"#, options: .regularExpression) != nil
    }

    /// The youngest and the oldest a staff member can be on the file's date (issue #16): 18, the
    /// age of majority (ГК РФ, ст. 21), before which hardly anyone has the professional education
    /// pedagogical work requires (273-ФЗ, ст. 46, ч. 1); 100, past which a birth date is a typo
    /// (1926 for 1962).
    public static let staffAge = 18...100

    /// What is wrong with a staff member's birth date on the file's date, in Russian, or `nil`.
    public static func birthDateProblem(_ birth: LocalDate, asOf date: LocalDate) -> String? {
        if birth > date { return "дата рождения в будущем (\(birth.russian))" }
        let age = birth.wholeYears(until: date)
        if age < staffAge.lowerBound {
            return
                "работнику на дату загрузки \(date.russian) меньше \(staffAge.lowerBound) лет (дата рождения \(birth.russian))"
        }
        if age > staffAge.upperBound {
            return
                "работнику на дату загрузки \(date.russian) больше \(staffAge.upperBound) лет (дата рождения \(birth.russian))"
        }
        return nil
    }

    /// Statuses of one school that exclude each other, in Russian, or `nil`. «Эффективная» is a
    /// school with high results; НОР, ЗПР and ЗУР are schools with low results or at risk of
    /// them (Ставрополь: the lists are drawn from the same indicators), so a school is not both.
    /// ШНСУ is the social context and goes with any of them (a resilient school is effective in
    /// adverse social conditions).
    public static func contradiction(in statuses: [SchoolStatus]) -> String? {
        let low = statuses.filter { $0 == .lowResults || $0 == .highRisk || $0 == .moderateRisk }
        guard statuses.contains(.effective), !low.isEmpty else { return nil }
        return
            "статусы противоречат друг другу: «эффективная» и \(low.map { "«\($0.russianShort)»" }.joined(separator: ", ")) — школа не может быть и эффективной, и с низкими результатами (или в зоне риска)"
    }

    /// The known topics nearest to `topic` (edit distance on folded text), nearest first, at
    /// most `limit`; empty when `topic` is itself known.
    public static func nearestTopics(_ topic: String, known: [String], limit: Int = 3) -> [String] {
        let folded = CellValue.fold(topic)
        var distances: [(topic: String, distance: Int)] = []
        var seen = Set<String>()
        for k in known {
            let f = CellValue.fold(k)
            if f == folded { return [] }
            guard seen.insert(f).inserted else { continue }
            distances.append((k, editDistance(Array(folded), Array(f))))
        }
        return distances.sorted { ($0.distance, $0.topic) < ($1.distance, $1.topic) }.prefix(limit).map(\.topic)
    }

    /// Levenshtein distance between two character sequences.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
