/// What a development plan's item typed by hand (the web's forms) may say; the generator's items
/// keep these rules by construction.
public enum PlanItemRule {
    /// The school year a plan's label («2026/27») names: 01.09 of its first year to 31.08 of the
    /// next (Федеральный закон № 273-ФЗ, ст. 28: the school year begins on 1 September).
    public static func schoolYear(_ label: String) -> ClosedRange<LocalDate>? {
        guard label.contains("/"), let period = PeriodText.parse(label) else { return nil }
        return period.start...period.end
    }

    /// An item's deadline lies within its plan's school year: a plan is written for one year, and
    /// what is left at its end is carried into the next year's plan.
    public static func deadlineProblem(_ deadline: LocalDate, label: String) -> String? {
        guard let year = schoolYear(label), !year.contains(deadline) else { return nil }
        return
            "Срок \(deadline.russian) вне учебного года \(label) (\(year.lowerBound.russian)–\(year.upperBound.russian))."
    }

    /// An item says what is to be done (the printed plan's «Мероприятие»).
    public static func descriptionProblem(_ description: String) -> String? {
        description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? "Укажите мероприятие: что педагог сделает (курсы, семинар, открытый урок…)." : nil
    }
}
