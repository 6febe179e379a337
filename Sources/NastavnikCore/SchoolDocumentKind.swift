/// The development documents of a school recorded beside its anti-risk programmes (issue 21:
/// the «500+» project asks each school for a концепция развития and a среднесрочная программа
/// развития).
public enum SchoolDocumentKind: String, Sendable, Hashable, CaseIterable, Codable {
    case concept
    case programme

    public var russian: String {
        switch self {
        case .concept: "концепция развития"
        case .programme: "среднесрочная программа развития"
        }
    }

    /// «концепция», «концепция развития», «программа», «среднесрочная программа развития»,
    /// «concept», «programme»; nil for anything else.
    public init?(userValue text: String) {
        let folded = CellValue.fold(text)
        if let kind = Self(rawValue: folded) {
            self = kind
        } else if folded.hasPrefix("концепц") {
            self = .concept
        } else if folded.hasPrefix("программ") || folded.hasPrefix("среднесрочн") {
            self = .programme
        } else {
            return nil
        }
    }
}
