import NastavnikRegion
import Testing

@testable import NastavnikReports

/// The region's report on plain figures (issue 22).
@Suite struct RegionReportBuilderTests {
    func diagnostics(_ lines: [RegionFigures.Diagnostics]) -> ReportSection? {
        var figures = RegionFigures(asOf: "2025-11-20")
        figures.municipalities = [.init(oktmo: "01000000", name: "Северный район", asOf: "2025-11-20", lastPushAt: nil)]
        figures.diagnostics = lines
        figures.diagnosed = ["Северный район": 10]
        return RegionReportBuilder().build(figures).sections.first { $0.title == "Диагностика компетенций" }
    }

    @Test func aCompetenceNoMunicipalityMeasuredHasNoColumnButANote() throws {
        let section = try #require(
            diagnostics([
                .init(municipality: "Северный район", competence: "subject", diagnosed: 10, above: 7),
                .init(municipality: "Северный район", competence: "methodological", diagnosed: 10, above: 4),
                .init(municipality: "Северный район", competence: "all", diagnosed: 10, above: 3),
            ]))
        var table: ReportTable?
        var note = ""
        for block in section.blocks {
            if case .table(let t) = block { table = t }
            if case .note(let n) = block { note = n }
        }
        let columns = try #require(table).columns.map(\.title)
        #expect(
            columns == ["Муниципалитет", "Продиагностировано", "предметные", "методические", "По всем компетенциям"])
        #expect(table?.rows.first == [.text("Северный район"), .integer(10), .percent(70), .percent(40), .percent(30)])
        #expect(
            note.hasSuffix(
                "Не оценивались ни в одном муниципалитете (нет баллов с пороговым значением): психолого-педагогические, коммуникативные компетенции."
            ))
    }

    @Test func everyCompetenceMeasuredAddsNoNote() throws {
        let section = try #require(
            diagnostics(
                ["subject", "methodological", "psychological", "communicative", "all"].map {
                    .init(municipality: "Северный район", competence: $0, diagnosed: 10, above: 5)
                }))
        for block in section.blocks {
            if case .note(let n) = block { #expect(!n.contains("Не оценивались")) }
            if case .table(let t) = block { #expect(t.columns.count == 7) }
        }
    }
}
