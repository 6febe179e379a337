/// Which of a target indicator's values a write sets.
public enum IndicatorValueKind: String, Sendable, CaseIterable {
    case baseline, target, actual

    /// Its table.
    var table: String { "target_indicator_\(rawValue)" }

    /// Its name in a sentence: «базовое значение», «плановое значение», «фактическое значение».
    public var russian: String {
        switch self {
        case .baseline: "базовое значение"
        case .target: "плановое значение"
        case .actual: "фактическое значение"
        }
    }
}
