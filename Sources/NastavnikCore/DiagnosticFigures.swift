/// Shares above the thresholds, mean scores and deficit counts of a group of teachers.
public struct DiagnosticFigures: Sendable, Equatable {
    public var teachers: Int
    /// Percent of the teachers with a score above the competence's threshold (of those with a score).
    public var shareAbove: [Competence: Double]
    public var mean: [Competence: Double]
    public var deficits: [String: Int]

    /// What an empty list of deficits means: none found among the results, or no results at all
    /// (a school nobody diagnosed has no known deficits, not «no deficits»).
    public var noDeficitsMessage: String {
        teachers == 0 ? "Нет результатов диагностики — дефициты не определены." : "Дефицитов не выявлено."
    }

    /// «Above» the threshold, as the Заиграевский indicators say: subject above 10, methodological above 20.
    public init(_ teachers: [ScoredTeacher], thresholds: [Competence: Double]) {
        self.teachers = teachers.count
        var shareAbove: [Competence: Double] = [:]
        var mean: [Competence: Double] = [:]
        for c in Competence.allCases {
            let scores = teachers.compactMap { $0.scores[c] }
            guard !scores.isEmpty else { continue }
            mean[c] = scores.reduce(0, +) / Double(scores.count)
            if let t = thresholds[c] {
                shareAbove[c] = Double(scores.filter { $0 > t }.count) * 100 / Double(scores.count)
            }
        }
        self.shareAbove = shareAbove
        self.mean = mean
        // Counted case-insensitively, shown as first written (ГИА stays ГИА).
        var shown: [String: String] = [:]
        var counts: [String: Int] = [:]
        for teacher in teachers {
            var seen = Set<String>()
            for topic in teacher.deficits where seen.insert(CellValue.fold(topic)).inserted {
                let key = CellValue.fold(topic)
                if shown[key] == nil { shown[key] = topic }
                counts[key, default: 0] += 1
            }
        }
        self.deficits = Dictionary(uniqueKeysWithValues: counts.map { (shown[$0.key]!, $0.value) })
    }
}
