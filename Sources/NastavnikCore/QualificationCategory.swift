/// A teacher's qualification category (квалификационная категория), or the fitness for the
/// post established by attestation. «Педагог-методист» and «педагог-наставник» are the
/// categories above «высшая» (Порядок проведения аттестации педагогических работников,
/// приказ Минпросвещения России от 24.03.2023 № 196, п. 3).
public enum QualificationCategory: String, CaseIterable, Codable, Sendable, UserSpelled {
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

    private static let cache = RepeatedValues { QualificationCategory(userValue: $0) }

    /// `init(userValue:)`, remembered: files repeat a handful of spellings endlessly.
    public static func cached(_ text: String) -> QualificationCategory? { cache.value(text) }

    public var aliases: [String] {
        switch self {
        case .highest: ["высшая категория", "вкк", "в"]
        case .first: ["первая категория", "1", "1 кк", "первая кк", "i"]
        case .methodist: ["педагог-методист кк", "квалификационная категория педагог-методист"]
        case .mentor: ["педагог-наставник кк", "квалификационная категория педагог-наставник"]
        case .fitsPost: ["соответствие", "соответствие занимаемой должности", "соответствует занимаемой должности"]
        case .none: ["нет", "б/к", "бк", "-", "не имеет"]
        }
    }

    /// Categories are written with dashes of every kind and with or without spaces around them.
    public static func fold(_ text: String) -> String { PositionTitles.key(text) }
}
