/// Event kinds a methodologist prepares.
public enum EventKind: String, CaseIterable, Codable, Sendable, UserSpelled {
    case seminar, masterClass, roundTable, openLesson, visit, webinar, internship, consultation, methodAssociation,
        creativeLab

    public var russian: String {
        switch self {
        case .seminar: "семинар"
        case .masterClass: "мастер-класс"
        case .roundTable: "круглый стол"
        case .openLesson: "открытый урок"
        case .visit: "методический десант"
        case .webinar: "вебинар"
        case .internship: "стажировка"
        case .consultation: "консультация"
        case .methodAssociation: "методическое объединение"
        case .creativeLab: "творческая лаборатория"
        }
    }

    /// The coverage target this kind counts towards (the whole row of the roadmap it belongs to).
    public var coverageTarget: CoverageTarget? { CoverageTarget(kind: self) }

    /// Whether the event is for every pedagogical and leading worker of the schools supported,
    /// not only those with a deficit in its topic: a methodological association (Ставрополь
    /// 2.7: «охват не менее 80 % от педагогических работников ОО»).
    public var invitesEveryone: Bool { self == .methodAssociation }

    /// Every kind as a user writes it, for `--help` and errors.
    public static var russianList: String { allCases.map(\.russian).joined(separator: ", ") }
}
