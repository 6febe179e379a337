import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// `instrument`'s own thresholds and scales, and the version a form on them is opened with.
    public func thresholdsToEdit(instrument: String) async throws -> (
        values: [Competence: (threshold: Double, maxScore: Double?)], version: Int64
    ) {
        (try database.ownThresholds(instrument: instrument), try database.thresholdVersion(instrument: instrument).id)
    }

    /// Sets `instrument`'s thresholds and scales in one transaction, after `thresholdProblems`
    /// finds nothing wrong with any (`AppError` naming the first otherwise).
    public func setDiagnosticThresholds(
        instrument: String, _ values: [Competence: (threshold: Double, maxScore: Double?)],
        expectedVersion: Int64? = nil
    ) async throws {
        for c in Competence.allCases {
            guard let value = values[c] else { continue }
            if let problem = Self.thresholdProblems(threshold: value.threshold, maxScore: value.maxScore).first {
                throw AppError("\(c.russian.sentenceCased): \(problem.message)")
            }
        }
        try database.setThresholds(instrument: instrument, values, expectedVersion: expectedVersion)
    }

    /// What is wrong with a threshold and its scale: a score cannot be negative, a scale
    /// (`competence_threshold.max_score`) is above zero, and a threshold a teacher must exceed
    /// lies below the scale's maximum (else no one could). `field`: "threshold" or "max".
    public static func thresholdProblems(threshold: Double, maxScore: Double?) -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        if threshold < 0 { problems.append(("threshold", "порог не может быть меньше нуля.")) }
        if let maxScore {
            if maxScore <= 0 {
                problems.append(("max", "максимальный балл должен быть больше нуля."))
            } else if threshold >= maxScore {
                problems.append(("threshold", "порог должен быть меньше максимального балла шкалы."))
            }
        }
        return problems
    }
}
