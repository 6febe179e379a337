import NastavnikCore

/// The target indicators as the municipal report shows them: the rows of one year and the
/// municipality's rows of every year up to it (the dynamics).
public struct IndicatorSummary: Sendable, Equatable {
    public var year: Int
    public var lines: [IndicatorReportLine]
    public var dynamics: [Int: [IndicatorReportLine]]

    public init(year: Int, lines: [IndicatorReportLine], dynamics: [Int: [IndicatorReportLine]]) {
        self.year = year
        self.lines = lines
        self.dynamics = dynamics
    }

    /// The section «Целевые показатели дорожной карты»: the table of the year (only rows with
    /// a baseline, target or actual value) and a chart per indicator of its values by year
    /// against the targets; the school rows go to the appendix.
    func section() -> (section: ReportSection, appendix: [ReportSection]) {
        let title = "Целевые показатели дорожной карты"
        let shown = lines.filter { $0.baseline != nil || $0.target != nil || $0.actual != nil }
        let municipal = shown.filter { $0.schoolCode == nil }
        guard !shown.isEmpty else {
            return (
                .empty(title, "За \(year) год нет ни данных для расчёта показателей, ни плановых значений."), []
            )
        }
        let onTrack = municipal.filter { $0.onTrack == true }.count
        let withTarget = municipal.filter { $0.onTrack != nil }.count
        var table = IndicatorTables.report(municipal.isEmpty ? shown : municipal, year: year)
        table.title = ""
        var blocks: [ReportBlock] = [
            .paragraph(
                "Показатели за \(year) год: план достигнут по \(onTrack) из \(withTarget) показателей с плановым значением. Отклонение — факт минус план, в пунктах."
            ),
            .table(table),
        ]
        blocks += IndicatorTables.dynamicsCharts(dynamics).map { .chart($0) }
        let schools = shown.filter { $0.schoolCode != nil }
        var appendix: [ReportSection] = []
        if !schools.isEmpty, !municipal.isEmpty {
            var bySchool = IndicatorTables.report(schools, year: year)
            bySchool.title = "Целевые показатели по школам за \(year) год"
            appendix.append(MunicipalReportBuilder.list(bySchool, sheet: "Показатели по школам (план)"))
        }
        return (ReportSection(title: title, blocks: blocks), appendix)
    }
}
