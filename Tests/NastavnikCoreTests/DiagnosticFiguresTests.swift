import NastavnikCore
import NastavnikTestSupport
import PropertyBased
import Testing

/// `DiagnosticFigures` (the diagnostics summary) on plain values: shares above the thresholds,
/// means and deficit counts, worked out by hand from the rule in its doc comments.
@Suite struct DiagnosticFiguresTests {
    /// Subject scores 12, 10 and 8 against the threshold 10: only 12 is *above* it, one of three
    /// (33 ⅓ %), mean 10. Methodological 18 and 25 against 20: one of the two who have it (50 %),
    /// mean 21.5. Nobody has a psychological score: no share, no mean.
    @Test func sharesAboveTheThresholdsAndMeans() {
        let teachers = [
            ScoredTeacher(key: 1, schoolCode: "A", scores: [.subject: 12, .methodological: 18], deficits: []),
            ScoredTeacher(key: 2, schoolCode: "A", scores: [.subject: 10, .methodological: 25], deficits: []),
            ScoredTeacher(key: 3, schoolCode: "B", scores: [.subject: 8], deficits: []),
        ]
        let figures = DiagnosticFigures(teachers, thresholds: Competence.defaultThresholds)
        #expect(figures.teachers == 3)
        #expect(abs(figures.shareAbove[.subject]! - 100.0 / 3) < 1e-9)
        #expect(figures.shareAbove[.methodological] == 50)
        #expect(figures.mean[.subject] == 10)
        #expect(figures.mean[.methodological] == 21.5)
        #expect(figures.shareAbove[.psychological] == nil && figures.mean[.psychological] == nil)
        // A competence without a threshold has a mean but no share.
        let noThreshold = DiagnosticFigures(teachers, thresholds: [.subject: 10])
        #expect(noThreshold.shareAbove[.methodological] == nil && noThreshold.mean[.methodological] == 21.5)
    }

    /// A deficit counts once per teacher, compared case-insensitively and shown as first written:
    /// «ГИА» and «гиа» of one teacher are one, «оценивание» and «Оценивание» of two are two.
    @Test func deficitsCountTeachersCaseInsensitively() {
        let teachers = [
            ScoredTeacher(key: 1, schoolCode: "A", scores: [:], deficits: ["ГИА", "гиа", "оценивание"]),
            ScoredTeacher(key: 2, schoolCode: "A", scores: [:], deficits: ["Оценивание"]),
        ]
        #expect(DiagnosticFigures(teachers, thresholds: [:]).deficits == ["ГИА": 1, "оценивание": 2])
    }

    @Test func noDeficitsIsSaidApartFromNoResults() {
        #expect(
            DiagnosticFigures([], thresholds: [:]).noDeficitsMessage
                == "Нет результатов диагностики — дефициты не определены.")
        let one = ScoredTeacher(key: 1, schoolCode: "A", scores: [.subject: 5], deficits: [])
        #expect(DiagnosticFigures([one], thresholds: [:]).noDeficitsMessage == "Дефицитов не выявлено.")
    }

    /// Invariants on random teachers: shares are percents, a mean lies between the lowest and
    /// highest score, and no deficit is counted for more teachers than there are.
    @Test func sharesArePercentsAndMeansLieBetweenTheScores() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000)) { seed in
            var rng = SeededGenerator(seed: UInt64(seed))
            let topics = ["ГИА", "гиа", "оценивание", "проекты"]
            let teachers = (0..<Int.random(in: 0...20, using: &rng)).map { i in
                ScoredTeacher(
                    key: Int64(i), schoolCode: "G",
                    scores: Dictionary(
                        uniqueKeysWithValues: Competence.allCases.filter { _ in Bool.random(using: &rng) }
                            .map { ($0, Double(Int.random(in: 0...30, using: &rng))) }),
                    deficits: topics.filter { _ in Bool.random(using: &rng) })
            }
            let figures = DiagnosticFigures(teachers, thresholds: Competence.defaultThresholds)
            #expect(figures.teachers == teachers.count)
            for (competence, share) in figures.shareAbove {
                #expect((0...100).contains(share), "seed \(seed): \(competence)")
            }
            for (competence, mean) in figures.mean {
                let scores = teachers.compactMap { $0.scores[competence] }
                #expect(mean >= scores.min()! - 1e-9 && mean <= scores.max()! + 1e-9, "seed \(seed)")
            }
            #expect(figures.deficits.values.allSatisfy { $0 >= 1 && $0 <= teachers.count })
        }
    }
}
