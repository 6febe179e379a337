/// How strongly a risk factor holds for a school in a year, as the «500+» profile grades it
/// (ФИОКО: высокий, средний, низкий). A factor at `high` calls for an anti-risk programme
/// (issue 21). The raw values are the JSON's stable words.
public enum RiskLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case high, medium, low

    /// The level in a profile's words.
    public var russian: String {
        switch self {
        case .high: "высокий"
        case .medium: "средний"
        case .low: "низкий"
        }
    }

    /// The level a user or a file names: «высокий», «высокий риск», «Высокая», «high»… whatever
    /// the case and spaces; `nil` for anything else.
    public init?(userValue text: String) {
        guard text.utf8.count <= 100 else { return nil }
        var folded = CellValue.fold(text)
        if folded.hasSuffix(" риск") { folded.removeLast(" риск".count) }
        if let level = RiskLevel(rawValue: folded) {
            self = level
            return
        }
        // The adjective agrees with «риск», «уровень» or «степень»: its stem decides.
        let stems: [(String, RiskLevel)] = [("высок", .high), ("средн", .medium), ("низк", .low)]
        guard let level = stems.first(where: { folded.hasPrefix($0.0) && folded.count <= $0.0.count + 3 })?.1 else {
            return nil
        }
        self = level
    }

    /// Why `text` is no level, naming the three (the CLI's and a file's message).
    public static func unknown(_ text: String) -> String {
        "«\(text)» — не уровень риска; укажите: высокий, средний или низкий (или high, medium, low)."
    }
}
