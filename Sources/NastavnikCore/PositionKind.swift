/// Who the staff rules apply to, by post (должность).
///
/// The kinds follow the номенклатура должностей педагогических работников организаций,
/// осуществляющих образовательную деятельность, должностей руководителей образовательных
/// организаций (постановление Правительства РФ от 21.02.2022 № 225): раздел I lists the
/// pedagogical posts, раздел II the heads of an organisation and their deputies. Everybody else
/// (бухгалтер, лаборант, секретарь, заведующий хозяйством…) is outside every staff rule.
public enum PositionKind: String, Codable, Sendable, CaseIterable, UserSpelled {
    /// A pedagogical worker (педагогический работник), раздел I of the номенклатура.
    case pedagogical
    /// The school's management (руководящий работник), раздел II: директор, заместитель
    /// директора (not for administrative and economic work), руководитель структурного
    /// подразделения, заведующий филиалом.
    case leading
    /// Everybody else: no training, attestation or mentoring rule concerns them.
    case other

    public var russian: String {
        switch self {
        case .pedagogical: "педагогический работник"
        case .leading: "руководящий работник"
        case .other: "прочий персонал"
        }
    }

    /// The word a user types for the kind (`staff positions --kind`).
    public var russianOption: String {
        switch self {
        case .pedagogical: "педагогический"
        case .leading: "руководящий"
        case .other: "прочий"
        }
    }

    /// The words a user may type for the kind besides its title: `russianOption`, other forms
    /// and the stored name in any case.
    public var aliases: [String] {
        switch self {
        case .pedagogical: [russianOption, "педагогические", "педагог", "pedagogical"]
        case .leading: [russianOption, "руководящие", "руководитель", "leading"]
        case .other: [russianOption, "прочие", "другой", "other"]
        }
    }

    /// Whether the staff rules (training, indicators, attestation, plans) concern this kind.
    public var isCounted: Bool { self != .other }

    /// The kind of a title by the built-in list (no department's corrections).
    public init(position: String) { self = PositionTitles.classify(position).kind }

    /// `init(position:)`, remembered: files repeat a handful of titles endlessly.
    public static func cached(_ position: String) -> PositionKind {
        PositionClassifier.standard.classify(position).kind
    }
}
