public enum PlanItemStatus: String, Codable, Sendable, CaseIterable {
    case planned, inProgress, done, cancelled, carriedOver

    public var russian: String {
        switch self {
        case .planned: "запланировано"
        case .inProgress: "выполняется"
        case .done: "выполнено"
        case .cancelled: "отменено"
        case .carriedOver: "перенесено в план следующего года"
        }
    }
}
