import Foundation

/// What a status mark of a roadmap occurrence may say.
public enum OccurrenceMarkRule {
    /// A mark records what has happened: its date may not be after `today` (a «выполнено» dated
    /// 01.01.2099 was accepted and counted as done in every report).
    public static func dateProblem(_ date: LocalDate, today: LocalDate) -> String? {
        guard date > today else { return nil }
        return
            "Дата отметки \(date.russian) ещё не наступила (сегодня \(today.russian)): отмечается то, что уже произошло."
    }
}
