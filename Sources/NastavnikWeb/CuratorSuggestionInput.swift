import Foundation
import NastavnikCore

/// What the curators' suggestion is computed from, as a page's query or a form gives it: the
/// years of results, the capacity of a curator without its own, and the pairs locked and
/// forbidden (the options of `curators suggest`), with a refusal per field.
struct CuratorSuggestionInput: Sendable {
    /// The command's default capacity (`curators suggest --capacity`).
    static let defaultCapacity = 2
    /// The largest capacity a form takes (a judgement: no school curates more than a dozen).
    static let capacityLimit = 20

    var yearsText: String?
    var capacityText: String?
    var lockText: String?
    var forbidText: String?

    var years: ClosedRange<Int>?
    var capacity = Self.defaultCapacity
    var lock: [String] = []
    var forbid: [String] = []
    /// The values refused, by field name.
    var problems: [(field: String, message: String)] = []

    /// Reads the fields by `value` (trimmed, `nil` when empty).
    init(_ value: (String) -> String?) {
        yearsText = value("years")
        capacityText = value("capacity")
        lockText = value("lock")
        forbidText = value("forbid")
        if let yearsText {
            if let period = PeriodText.parse(yearsText) {
                years = period.start.year...period.end.year
            } else {
                problems.append(
                    ("years", "Поле «Годы результатов»: «\(yearsText)» — не годы; укажите, например, 2022-2024."))
            }
        }
        if let capacityText {
            if let number = Int(capacityText), (0...Self.capacityLimit).contains(number) {
                capacity = number
            } else {
                problems.append(
                    (
                        "capacity",
                        "Поле «Вместимость куратора»: «\(capacityText)» — укажите целое число от 0 до \(Self.capacityLimit)."
                    ))
            }
        }
        lock = Self.pairs(lockText)
        forbid = Self.pairs(forbidText)
    }

    /// The pairs ШКОЛА:КУРАТОР written one per line or separated by commas or semicolons.
    /// A `+` separates as well: the query of a GET form carries a space as `+`, which the
    /// router's query reading leaves as it is (no school code has one).
    static func pairs(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { ",;+\n\r".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The fields as given, to carry in links and hidden fields.
    var items: [(String, String?)] {
        [("years", yearsText), ("capacity", capacityText), ("lock", lockText), ("forbid", forbidText)]
    }

    /// The page's filter form with the values as typed and each refusal beside its field.
    func filterForm() -> FilterForm {
        var fields: [FilterForm.Field] = [
            .text("years", "Годы результатов", value: yearsText, hint: "например, 2022-2024"),
            .text(
                "capacity", "Вместимость куратора", value: capacityText,
                hint: "Сколько школ берёт куратор, для которого не записано иное; по умолчанию \(Self.defaultCapacity)."
            ),
            .text(
                "lock", "Закрепить пары", value: lockText,
                hint: "ШКОЛА:КУРАТОР через запятую, например SV003:SV007 — у школы будет только этот куратор."),
            .text(
                "forbid", "Запретить пары", value: forbidText,
                hint: "ШКОЛА:КУРАТОР через запятую — такой пары не будет."),
        ]
        for problem in problems {
            if let index = fields.firstIndex(where: { $0.name == problem.field }) {
                fields[index].error = [fields[index].error, problem.message].compactMap { $0 }.joined(separator: " ")
            }
        }
        return FilterForm(action: "/curators/suggestions", fields: fields, submit: "Пересчитать")
    }
}
