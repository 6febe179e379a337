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
