/// Where a teacher stands with one course.
public enum TrainingStatus: String, CaseIterable, Codable, Sendable {
    case applied, studying, completed, notCompleted

    public var russian: String {
        switch self {
        case .applied: "заявка"
        case .studying: "обучается"
        case .completed: "завершено"
        case .notCompleted: "не завершено"
        }
    }

    public init?(russian text: String) {
        guard text.utf8.count <= 300 else { return nil }
        switch CellValue.fold(text) {
        case "заявка", "подана заявка", "applied": self = .applied
        case "обучается", "в процессе", "идет обучение", "studying": self = .studying
        case "завершено", "завершен", "завершён", "пройден", "пройдено", "окончено", "completed": self = .completed
        case "не завершено", "не завершен", "не пройден", "отчислен", "notcompleted": self = .notCompleted
        default: return nil
        }
    }

    /// The status a row without one implies: completed when it ended before `today` (the
    /// import contract's default); without an end, studying once started, else an application.
    /// A completed training always has its end date: the 3-year rule counts from it.
    public static func implied(start: LocalDate?, end: LocalDate?, today: LocalDate) -> TrainingStatus {
        if let end { return end < today ? .completed : (start.map { $0 <= today } ?? true ? .studying : .applied) }
        if let start, start <= today { return .studying }
        return .applied
    }
}
