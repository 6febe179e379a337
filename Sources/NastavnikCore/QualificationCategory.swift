/// A teacher's qualification category (квалификационная категория), or the fitness for the
/// post established by attestation. «Педагог-методист» and «педагог-наставник» are the
/// categories above «высшая» (Порядок проведения аттестации педагогических работников,
/// приказ Минпросвещения России от 24.03.2023 № 196, п. 3).
public enum QualificationCategory: String, CaseIterable, Codable, Sendable {
    case highest
    case first
    /// педагог-методист
    case methodist
    /// педагог-наставник
    case mentor
    /// соответствие занимаемой должности
    case fitsPost
    case none

    public var russian: String {
        switch self {
        case .highest: "высшая"
        case .first: "первая"
        case .methodist: "педагог-методист"
        case .mentor: "педагог-наставник"
        case .fitsPost: "СЗД"
        case .none: "без категории"
        }
    }

    private static let cache = RepeatedValues { QualificationCategory(russian: $0) }

    /// `init(russian:)`, remembered: files repeat a handful of spellings endlessly.
    public static func cached(_ text: String) -> QualificationCategory? { cache.value(text) }

    public init?(russian text: String) {
        guard text.utf8.count <= 300 else { return nil }
        let s = PositionTitles.key(text)
        if let value = QualificationCategory(rawValue: text) {
            self = value
            return
        }
        switch s {
        case "высшая", "высшая категория", "вкк", "в": self = .highest
        case "первая", "первая категория", "1", "1 кк", "первая кк", "i": self = .first
        case "педагог-методист", "педагог-методист кк", "квалификационная категория педагог-методист":
            self = .methodist
        case "педагог-наставник", "педагог-наставник кк", "квалификационная категория педагог-наставник":
            self = .mentor
        case "сзд", "соответствие", "соответствие занимаемой должности", "соответствует занимаемой должности":
            self = .fitsPost
        case "без категории", "нет", "б/к", "бк", "-", "не имеет": self = .none
        default: return nil
        }
    }
}
