import NastavnikCore

/// The statuses an occurrence goes through.
public enum OccurrenceStatus: String, CaseIterable, Codable, Sendable {
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

    public init?(userValue: String) {
        if let value = OccurrenceStatus(rawValue: userValue) {
            self = value
            return
        }
        switch CellValue.fold(userValue) {
        case "запланировано", "план", "planned": self = .planned
        case "выполняется", "в работе", "in-progress", "inprogress": self = .inProgress
        case "выполнено", "сделано", "готово", "done": self = .done
        case "просрочено", "overdue": self = .overdue
        case "отменено", "отмена", "cancelled", "canceled": self = .cancelled
        default: return nil
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
