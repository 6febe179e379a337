/// An in-service training programme (программа повышения квалификации) in the catalogue.
public struct Course: Hashable, Sendable, Codable {
    public var code: String?
    public var title: String
    public var provider: String
    public var hours: Double
    public var format: String?
    /// Topics matched against teachers' deficits.
    public var topics: [String]
    public var subjects: [String]
    public var start: LocalDate?
    public var end: LocalDate?
    public var seats: Int?
    /// Taken outside the catalogue: joined it from a training record.
    public var external: Bool

    public init(code: String? = nil, title: String, provider: String, hours: Double, format: String? = nil,
                topics: [String] = [], subjects: [String] = [], start: LocalDate? = nil, end: LocalDate? = nil,
                seats: Int? = nil, external: Bool = false) {
        self.code = code
        self.title = title
        self.provider = provider
        self.hours = hours
        self.format = format
        self.topics = topics
        self.subjects = subjects
        self.start = start
        self.end = end
        self.seats = seats
        self.external = external
    }

    /// The identity of a course: its code, else its folded title and provider.
    public var courseKey: String {
        if let code, !code.isEmpty { return "code:" + code }
        return "tp:" + CellValue.fold(title) + "|" + CellValue.fold(provider)
    }
}

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
