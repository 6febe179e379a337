import NastavnikCore
import Testing

@Suite struct DiagnosticStandingTests {
    let thresholds: [Competence: Double] = [.subject: 10, .methodological: 20]

    @Test func theLatestResultDecides() {
        let standing = DiagnosticStanding([
            .init(staffID: "A", scores: [.subject: 8, .methodological: 30], thresholds: thresholds),
            .init(staffID: "B", scores: [.subject: 15, .methodological: 30], thresholds: thresholds),
            .init(staffID: "A", scores: [.subject: 12, .methodological: 25], thresholds: thresholds),
        ])
        #expect(standing.weak.isEmpty)
        #expect(standing.strength["B"] == 1.0)
        #expect(abs((standing.strength["A"] ?? 0) - 0.45) < 1e-9)
    }

    @Test func aScoreAtTheThresholdIsWeak() {
        let standing = DiagnosticStanding([.init(staffID: "A", scores: [.subject: 10], thresholds: thresholds)])
        #expect(standing.weak == ["A"])
        #expect(standing.strength["A"] == 0)
        // A competence without a threshold is not weighed.
        #expect(
            DiagnosticStanding([.init(staffID: "C", scores: [.psychological: 1], thresholds: thresholds)]).weak.isEmpty)
    }
}
