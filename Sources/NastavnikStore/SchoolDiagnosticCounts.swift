import NastavnikCore

/// One school's counted diagnostic results on a date (`NastavnikDatabase.diagnosticCounts`):
/// how many workers have one, and per competence how many have a score and how many score
/// above the threshold. What the dashboard's diagnostic figures and 3.2 add up, without a
/// line per person.
public struct SchoolDiagnosticCounts: Sendable, Equatable {
    public var schoolCode: String
    /// Workers with a counted result (`StaffPopulation.countedResults`).
    public var diagnosed: Int
    /// Of them, those with a score in the competence.
    public var scored: [Competence: Int]
    /// Of them, those scoring above the competence's threshold (only competences with one).
    public var above: [Competence: Int]

    public init(schoolCode: String, diagnosed: Int, scored: [Competence: Int], above: [Competence: Int]) {
        self.schoolCode = schoolCode
        self.diagnosed = diagnosed
        self.scored = scored
        self.above = above
    }
}
