import NastavnikCore
import NastavnikStore

/// The monitoring of the anti-risk programmes for a period (`programmes report --period`): the
/// roadmap report (`RoadmapReportBuilder`) over the programmes' measures only, with a table of
/// the period by school and factor after its summary.
public enum ProgrammeReportBuilder {
    /// `occurrences`: every roadmap's, with statuses as they stood at the end of `period`.
    public static func build(
        _ programmes: [ProgrammeLine], occurrences: [OccurrenceRow], period: ClosedRange<LocalDate>,
        periodText: String
    ) -> Report {
        let keys = Set(programmes.map(\.key))
        let own = occurrences.filter { keys.contains($0.roadmapKey) }
        var report = RoadmapReportBuilder.build(own, period: period, periodText: periodText)
        report.title = "Мониторинг антирисковых программ за \(periodText)"
        report.subtitle =
            "Период \(period.lowerBound.russian) — \(period.upperBound.russian); "
            + (programmes.isEmpty ? "антирисковые программы не загружены" : "программ: \(programmes.count)")
        let byKey = Dictionary(grouping: own, by: \.roadmapKey)
        let rows: [[Cell]] = programmes.map { programme in
            let terms = byKey[programme.key] ?? []
            let inPeriod = terms.filter { o in
                guard let start = o.start, let end = o.end else { return false }
                return start <= period.upperBound && end >= period.lowerBound
            }
            let due = inPeriod.filter { $0.end! <= period.upperBound }
            return [
                .text(programme.schoolCode), .text(programme.schoolName), .integer(programme.factor.rawValue),
                .text(programme.factor.russian), .integer(inPeriod.count), .integer(due.count),
                .integer(due.filter { $0.status == .done }.count),
                .integer(terms.filter { $0.status == .overdue }.count),
            ]
        }
        let section = ReportSection(
            title: "По школам и факторам риска",
            table: ReportTable(
                columns: [
                    Column.schoolCode, Column.school, Column("factor", "Фактор"), Column("factor_name", "Фактор риска"),
                    Column("in_period", "Сроков в периоде"), Column("due", "Должны были завершиться"),
                    Column("done", "Выполнено из них"), Column("overdue", "Просрочено на конец периода"),
                ], rows: rows, emptyMessage: "Антирисковых программ нет."))
        report.sections.insert(section, at: min(1, report.sections.count))
        return report
    }
}
