/// Where a level of a school's risk profile came from (issue 21): the region's or the school's
/// file, a proposal of `risks propose` someone confirmed, or a level set by hand. A proposal
/// saved again never replaces an imported or hand-set level unless asked to.
public enum RiskSource: String, Sendable, Hashable, CaseIterable, Codable {
    case imported, confirmed, manual

    /// The source in the profile's words.
    public var russian: String {
        switch self {
        case .imported: "загружен из файла"
        case .confirmed: "предложен и подтверждён"
        case .manual: "установлен вручную"
        }
    }
}
