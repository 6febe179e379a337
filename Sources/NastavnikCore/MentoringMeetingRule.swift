/// What a mentoring pair's meeting, consent and end may say.
public enum MentoringMeetingRule {
    /// A meeting is recorded after it took place, within the pair's period: not before its start,
    /// not after its end, not after `today`.
    public static func dateProblem(_ date: LocalDate, start: LocalDate?, end: LocalDate?, today: LocalDate) -> String? {
        if date > today {
            return
                "Дата встречи \(date.russian) ещё не наступила (сегодня \(today.russian)): записывается прошедшая встреча."
        }
        if let start, date < start { return "Встреча \(date.russian) раньше начала пары \(start.russian)." }
        if let end, date > end { return "Встреча \(date.russian) позже окончания пары \(end.russian)." }
        return nil
    }

    /// Written consent (ТК РФ, ст. 351.8 for the mentor) is recorded once given: not after `today`.
    public static func consentProblem(_ date: LocalDate, today: LocalDate) -> String? {
        date > today ? "Дата согласия \(date.russian) ещё не наступила (сегодня \(today.russian))." : nil
    }
}
