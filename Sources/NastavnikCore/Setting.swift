import Foundation

/// A rule a department may change: its stored key, its Russian title, its default and where
/// the default comes from (a seed, the law, or our judgement, said as such).
///
/// Every judgement in the rules is one of these, so a department sees it in `nastavnik settings`
/// and changes it there instead of in the code.
public struct Setting: Sendable, Hashable, Identifiable {
    /// What values the setting takes.
    public enum Kind: Sendable, Hashable {
        /// A number in a closed range (a decimal comma is accepted); `whole` for a count or a
        /// number of years, which the rules read as an integer (2,5 mentees cannot be).
        case number(ClosedRange<Double>, whole: Bool = false)
        /// A list of values from `choices` (each as the user writes it), separated by `,` or `;`.
        case list(choices: [String])
        /// One of `choices`.
        case choice([String])
    }

    /// The key stored in the `setting` table, e.g. `training.minimum_hours`.
    public let id: String
    /// What it is, in Russian, for `settings list` and `--help`.
    public let title: String
    /// The default, written as a user would write the value.
    public let defaultValue: String
    public let kind: Kind
    /// Where the default comes from: a seed or an act, or «решение по умолчанию» for a judgement.
    public let source: String

    public init(_ id: String, title: String, default defaultValue: String, kind: Kind, source: String) {
        self.id = id
        self.title = title
        self.defaultValue = defaultValue
        self.kind = kind
        self.source = source
    }

    /// The value in its stored form, or a Russian error naming the setting and the value.
    public func normalize(_ raw: String) -> Result<String, SettingError> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .number(let range, let whole):
            guard let number = Double(text.replacingOccurrences(of: ",", with: ".")), range.contains(number),
                !whole || number == number.rounded()
            else {
                return .failure(
                    SettingError(
                        "Настройка «\(id)» (\(title)): значение «\(raw)» должно быть \(whole ? "целым " : "")числом от \(Setting.format(range.lowerBound)) до \(Setting.format(range.upperBound))."
                    ))
            }
            // Stored with a point: SQL reads it with CAST(value AS REAL).
            return .success(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
        case .choice(let choices):
            guard let match = choices.first(where: { CellValue.fold($0) == CellValue.fold(text) }) else {
                return .failure(
                    SettingError(
                        "Настройка «\(id)» (\(title)): значение «\(raw)» не из списка: \(choices.joined(separator: ", "))."
                    ))
            }
            return .success(match)
        case .list(let choices):
            var items: [String] = []
            for item in text.split(whereSeparator: { $0 == "," || $0 == ";" }).map({
                $0.trimmingCharacters(in: .whitespaces)
            }) where !item.isEmpty {
                guard let match = choices.first(where: { CellValue.fold($0) == CellValue.fold(item) }) else {
                    return .failure(
                        SettingError(
                            "Настройка «\(id)» (\(title)): «\(item)» не из списка: \(choices.joined(separator: ", ")).")
                    )
                }
                if !items.contains(match) { items.append(match) }
            }
            return .success(items.joined(separator: ", "))
        }
    }

    /// A number as a Russian user reads it: no trailing `,0`, a decimal comma.
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number).replacingOccurrences(of: ".", with: ",")
    }
}
