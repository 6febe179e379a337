import NastavnikCore

public struct DiagnosticLine: Sendable, Equatable {
    public var date: LocalDate
    public var instrument: String
    public var scores: [Competence: Double]
    public var deficits: [String]
}
