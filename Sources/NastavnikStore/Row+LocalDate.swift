import GRDB
import NastavnikCore

extension Row {
    /// The date stored as ISO text in `column`, or `nil` when the column is NULL or not a date.
    func date(_ column: String) -> LocalDate? {
        (self[column] as String?).flatMap { LocalDate(parsing: $0) }
    }

    /// The scores of a diagnostic result from its four `…_score` columns: only those present.
    func competenceScores() -> [Competence: Double] {
        var scores: [Competence: Double] = [:]
        for competence in [Competence.subject, .methodological, .psychological, .communicative] {
            if let value: Double = self[competence.rawValue + "_score"] { scores[competence] = value }
        }
        return scores
    }
}
