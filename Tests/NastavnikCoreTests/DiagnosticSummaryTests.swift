import Testing

@testable import NastavnikCore

/// The diagnostics summary and dynamics on plain values: schools grouped in the tables' order,
/// the municipality as a scope of its own (not a sentinel key), shares above the thresholds.
@Suite struct DiagnosticSummaryTests {
    let thresholds: [Competence: Double] = [.subject: 10, .methodological: 20]

    func teacher(
        _ key: Int64, _ code: String, _ name: String, subject: Double, methodological: Double,
        deficits: [String] = []
    ) -> ScoredTeacher {
        ScoredTeacher(
            key: key, schoolCode: code, schoolName: name, scores: [.subject: subject, .methodological: methodological],
            deficits: deficits)
    }

    @Test func schoolsAreGroupedInOrderAndTheMunicipalityComesLast() {
        let teachers = [
            teacher(1, "S2", "Вторая", subject: 12, methodological: 18, deficits: ["ГИА"]),
            teacher(2, "S1", "Первая", subject: 8, methodological: 25, deficits: ["гиа", "ФГОС"]),
            teacher(3, "S1", "Первая", subject: 14, methodological: 21),
        ]
        let summary = DiagnosticSummary(teachers, thresholds: thresholds, withMunicipality: true)
        #expect(
            summary.rows.map(\.scope) == [
                .school(code: "S1", name: "Первая"), .school(code: "S2", name: "Вторая"), .municipality,
            ])
        let first = summary.rows[0].figures
        #expect(first.teachers == 2)
        #expect(first.shareAbove[.subject] == 50)
        #expect(first.shareAbove[.methodological] == 100)
        #expect(first.mean[.subject] == 11)
        // The municipality is every teacher; deficits are counted once per teacher, case aside.
        #expect(summary.rows[2].figures == summary.total)
        #expect(summary.total.teachers == 3)
        #expect(summary.total.deficits == ["ГИА": 2, "ФГОС": 1])
    }

    @Test func oneSchoolHasNoMunicipalityRow() {
        let summary = DiagnosticSummary(
            [teacher(1, "S1", "Первая", subject: 11, methodological: 21)], thresholds: thresholds,
            withMunicipality: false)
        #expect(summary.rows.map(\.scope) == [.school(code: "S1", name: "Первая")])
        #expect(summary.total.teachers == 1)
    }

    @Test func noTeachersStillHaveAMunicipalityOfNone() {
        let summary = DiagnosticSummary([], thresholds: thresholds, withMunicipality: true)
        #expect(summary.rows.map(\.scope) == [.municipality])
        #expect(summary.total.teachers == 0)
        #expect(summary.total.noDeficitsMessage == "Нет результатов диагностики — дефициты не определены.")
    }

    /// «code|name» is the order the tables always had: a shorter code followed by «|» sorts after a longer one.
    @Test func theOrderIsThatOfCodeBarName() {
        let groups = DiagnosticScope.grouped(["SV01", "SV010", "SV01"], withMunicipality: false) { ($0, "Ш") }
        #expect(groups.map(\.scope) == [.school(code: "SV010", name: "Ш"), .school(code: "SV01", name: "Ш")])
        #expect(groups.map(\.items.count) == [1, 2])
    }

    @Test func dynamicsComparesBothCampaignsPerSchoolAndInTotal() {
        func pair(_ key: Int64, _ code: String, _ name: String, _ before: Double, _ after: Double) -> (
            before: ScoredTeacher, after: ScoredTeacher
        ) {
            (
                ScoredTeacher(key: key, scores: [.subject: before], deficits: []),
                ScoredTeacher(key: key, schoolCode: code, schoolName: name, scores: [.subject: after], deficits: [])
            )
        }
        let pairs = [pair(1, "S1", "Первая", 8, 12), pair(2, "S2", "Вторая", 12, 11)]
        let dynamics = DiagnosticDynamics(pairs, thresholds: thresholds, withMunicipality: true)
        #expect(
            dynamics.rows.map(\.scope) == [
                .school(code: "S1", name: "Первая"), .school(code: "S2", name: "Вторая"), .municipality,
            ])
        #expect(dynamics.rows[0].meanChange(.subject) == 4)
        #expect(dynamics.rows[0].meanChange(.methodological) == nil)
        #expect(dynamics.rows[2].teachers == 2)
        #expect(dynamics.rows[2].meanChange(.subject) == 1.5)
        #expect(dynamics.rows[2].before.shareAbove[.subject] == 50)
        #expect(dynamics.rows[2].after.shareAbove[.subject] == 100)
    }
}
