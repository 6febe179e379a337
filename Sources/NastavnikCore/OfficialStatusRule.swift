import Foundation

/// What a change of a school's official statuses must say: the department's order that sets
/// them (its number and date), and statuses that do not contradict each other.
public enum OfficialStatusRule {
    /// The problems of a change, each with the form's field it concerns: `order_number`,
    /// `order_date`, and `status-effective` for contradictory statuses. An effective school is
    /// by definition one that needs no support (`SchoolStatus.needsSupport`), so it cannot be
    /// on a list of those that do.
    public static func problems(statuses: [SchoolStatus], orderNumber: String, orderDate: LocalDate, today: LocalDate)
        -> [(field: String, message: String)]
    {
        var problems: [(field: String, message: String)] = []
        if statuses.contains(.effective), let other = statuses.first(where: \.needsSupport) {
            problems.append(
                (
                    "status-effective",
                    "Статусы противоречат друг другу: «эффективная» и «\(other.russianShort)» — у эффективной школы нет статусов, требующих поддержки."
                ))
        }
        if number(orderNumber).isEmpty {
            problems.append(("order_number", "Поле «Номер приказа»: укажите номер приказа, например 45."))
        }
        if orderDate > today {
            problems.append(
                (
                    "order_date",
                    "Поле «Дата приказа»: дата \(orderDate.russian) ещё не наступила (сегодня \(today.russian))."
                ))
        }
        return problems
    }

    /// The order as it is stored and shown: «Приказ № 45 от 01.12.2026».
    public static func orderText(number text: String, date: LocalDate) -> String {
        "Приказ № \(number(text)) от \(date.russian)"
    }

    /// A typed number without the «№» a user may type before it.
    static func number(_ text: String) -> String {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if rest.first == "№" { rest = rest.dropFirst().drop { $0 == " " } }
        return String(rest)
    }
}
