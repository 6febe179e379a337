/// The status a school carries in the regional lists.
public enum SchoolStatus: String, CaseIterable, Codable, Sendable, Comparable {
    case lowResults
    case highRisk
    case moderateRisk
    case adverseSocial
    case effective

    /// The abbreviation used in the department's documents.
    public var russianShort: String {
        switch self {
        case .lowResults: "НОР"
        case .highRisk: "ЗПР"
        case .moderateRisk: "ЗУР"
        case .adverseSocial: "ШНСУ"
        case .effective: "эффективная"
        }
    }

    public var russianTitle: String {
        switch self {
        case .lowResults: "школа с низкими образовательными результатами"
        case .highRisk: "зона повышенного риска снижения результатов"
        case .moderateRisk: "зона умеренного риска снижения результатов"
        case .adverseSocial: "школа в неблагоприятных социальных условиях"
        case .effective: "эффективная школа"
        }
    }

    /// Reads a status as the lists write it: `НОР`, `ШНОР`, `ЗПР — зона повышенного риска`, …
    public init?(russian text: String) {
        // A status is a few words; anything long is not one (and folding it would take long).
        guard text.utf8.count <= 300 else { return nil }
        let s = CellValue.fold(text)
        if let value = SchoolStatus(rawValue: CellValue.trimmed(text)) {
            self = value
            return
        }
        let head =
            s.split(whereSeparator: { $0 == " " || $0 == "—" || $0 == "–" || $0 == "(" }).first.map(String.init) ?? s
        switch head {
        case "нор", "шнор", "low", "lowresults": self = .lowResults
        case "зпр": self = .highRisk
        case "зур": self = .moderateRisk
        case "шнсу", "нсу", "adversesocial": self = .adverseSocial
        case "эффективная", "эффективный", "effective", "швр": self = .effective
        default:
            if s.contains("низкими образовательными") || s.contains("низкие образовательные") {
                self = .lowResults
            } else if s.contains("повышенного риска") {
                self = .highRisk
            } else if s.contains("умеренного риска") {
                self = .moderateRisk
            } else if s.contains("неблагоприятных социальных") {
                self = .adverseSocial
            } else if s.contains("высокими результатами") || s.contains("эффективн") {
                self = .effective
            } else {
                return nil
            }
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: SchoolStatus, b: SchoolStatus) -> Bool { a.order < b.order }

    /// Statuses whose schools the department supports.
    public var needsSupport: Bool { self != .effective }
}
