import NastavnikCore

/// The statuses an occurrence goes through.
public enum OccurrenceStatus: String, CaseIterable, Codable, Sendable, UserSpelled {
    case planned, inProgress, done, overdue, cancelled

    public var russian: String {
        switch self {
        case .planned: "запланировано"
        case .inProgress: "выполняется"
        case .done: "выполнено"
        case .overdue: "просрочено"
        case .cancelled: "отменено"
        }
    }

    public var aliases: [String] {
        switch self {
        case .planned: ["план", "planned"]
        case .inProgress: ["в работе", "in-progress", "inprogress"]
        case .done: ["сделано", "готово", "done"]
        case .overdue: ["overdue"]
        case .cancelled: ["отмена", "cancelled", "canceled"]
        }
    }

    /// The statuses a user may mark: «просрочено» follows from the date, it is never marked.
    public static let markable: [OccurrenceStatus] = [.done, .inProgress, .cancelled, .planned]

    /// A status to mark as a user wrote it (in Russian or by name), or `nil`.
    public static func markable(_ text: String) -> OccurrenceStatus? {
        guard let value = OccurrenceStatus(userValue: text), value != .overdue else { return nil }
        return value
    }

    /// Why `text` is not a status to mark (the command line's and the web form's message).
    public static func unknownMarkStatus(_ text: String) -> String {
        "Неизвестный статус «\(text)»: укажите выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned); просрочка определяется по дате."
    }

    /// The status on `date`: what was recorded, unless the occurrence's end has passed
    /// without it being done or cancelled (overdue), or its window is open (in progress).
    public static func effective(stored: OccurrenceStatus, start: LocalDate?, end: LocalDate?, asOf date: LocalDate)
        -> OccurrenceStatus
    {
        switch stored {
        case .done, .cancelled: return stored
        default:
            guard let end else { return stored }
            if end < date { return .overdue }
            if stored == .inProgress { return .inProgress }
            if let start, start <= date { return .inProgress }
            return .planned
        }
    }
}
