/// The checks of `training enrol` and `training complete`, in Russian, naming the value.
public enum EnrolmentRule {
    /// Enrolment on a session: refused when it has ended before `today`, when its end is before its
    /// start, or when it is full (`taken` of `seats`).
    public static func checkEnrolment(
        title: String, start: LocalDate?, end: LocalDate?, seats: Int?, taken: Int,
        today: LocalDate
    ) -> String? {
        if let start, let end, end < start {
            return "Окончание программы «\(title)» (\(end.russian)) раньше её начала (\(start.russian))."
        }
        if let end, end < today {
            return "Программа «\(title)» уже закончилась \(end.russian): записать на неё на \(today.russian) нельзя."
        }
        if let seats, taken >= seats {
            return "На программу «\(title)» мест нет: занято \(taken) из \(seats)."
        }
        return nil
    }

    /// A completion: refused when its date is after `today` or before the training's start.
    public static func checkCompletion(title: String, start: LocalDate?, end: LocalDate, today: LocalDate) -> String? {
        if end > today {
            return
                "Дата окончания обучения \(end.russian) ещё не наступила (сегодня \(today.russian)): отметить завершение программы «\(title)» можно после неё."
        }
        if let start, end < start {
            return "Дата окончания обучения \(end.russian) раньше начала (\(start.russian)) программы «\(title)»."
        }
        return nil
    }
}
