/// Where a teacher stands with one course.
public enum TrainingStatus: String, CaseIterable, Codable, Sendable, UserSpelled {
    case applied, studying, completed, notCompleted

    public var russian: String {
        switch self {
        case .applied: "заявка"
        case .studying: "обучается"
        case .completed: "завершено"
        case .notCompleted: "не завершено"
        }
    }

    public var aliases: [String] {
        switch self {
        case .applied: ["подана заявка", "applied"]
        case .studying: ["в процессе", "идет обучение", "studying"]
        case .completed: ["завершен", "пройден", "пройдено", "окончено", "completed"]
        case .notCompleted: ["не завершен", "не пройден", "отчислен", "notcompleted"]
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
