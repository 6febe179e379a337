/// The competences a diagnostic measures.
public enum Competence: String, CaseIterable, Codable, Sendable {
    case subject, methodological, psychological, communicative

    public var russian: String {
        switch self {
        case .subject: "предметные"
        case .methodological: "методические"
        case .psychological: "психолого-педагогические"
        case .communicative: "коммуникативные"
        }
    }

    /// The thresholds of the Заиграевский roadmap: subject above 10 points, methodological above 20.
    public static let defaultThresholds: [Competence: Double] = [.subject: 10, .methodological: 20]
}
