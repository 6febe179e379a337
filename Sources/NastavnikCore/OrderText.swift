import Foundation

/// An administrative order as it is cited: «Приказ управления образования от 22.09.2020 № 803»,
/// «приказ от «22» сентября 2020 г. № 803».
public enum OrderText {
    /// The date the order was signed: the first date after «от», or `nil` when none is written.
    public static func date(_ text: String) -> LocalDate? {
        written(text)?.date
    }

    /// The date written after «от» when no calendar has it («от 31.02.2025»), for the error;
    /// `nil` when the order has a real date or none at all.
    public static func impossibleDate(_ text: String) -> String? {
        guard let written = written(text), written.date == nil else { return nil }
        return written.text
    }

    /// The date-shaped text after «от» and the date it names, if any.
    private static func written(_ text: String) -> (text: String, date: LocalDate?)? {
        let folded = CellValue.fold(text).replacingOccurrences(of: "«", with: " ").replacingOccurrences(
            of: "»", with: " "
        )
        .replacingOccurrences(of: "\"", with: " ")
        guard let from = folded.range(of: #"(^|[^а-я])от\s"#, options: .regularExpression) else { return nil }
        let rest = String(folded[from.upperBound...])
        if let range = rest.range(of: #"^\s*\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}"#, options: .regularExpression) {
            let written = rest[range].replacingOccurrences(of: " ", with: "").trimmingCharacters(in: .whitespaces)
            return (written, LocalDate(parsing: written))
        }
        if let range = rest.range(of: #"^\s*\d{1,2}\s+[а-я]+\s+\d{4}"#, options: .regularExpression) {
            let parts = rest[range].split(separator: " ").map(String.init)
            let written = parts.joined(separator: " ")
            guard parts.count == 3, let day = Int(parts[0]), let month = TermParser.month(parts[1]),
                let year = Int(parts[2])
            else {
                return nil
            }
            return (written, LocalDate(year: year, month: month, day: day))
        }
        return nil
    }
}
