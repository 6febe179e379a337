import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// `2023Q2`, `2023-Q2`, `II квартал 2023`, or any period PeriodText reads.
enum ReportPeriod {
    static func parse(_ text: String) -> ClosedRange<LocalDate>? {
        let s = text.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        if s.count == 6, s.dropFirst(4).first == "Q", let year = Int(s.prefix(4)), let q = Int(s.suffix(1)), (1...4).contains(q) {
            let start = LocalDate(year: year, month: (q - 1) * 3 + 1, day: 1)!
            return start...start.adding(months: 3).adding(days: -1)
        }
        let parsed = TermParser().parse(text)
        if parsed.flag == nil, parsed.occurrences.count == 1, let o = parsed.occurrences.first { return o.start...o.end }
        return PeriodText.parse(text).map { $0.start...$0.end }
    }
}

extension RoadmapCommand {
    struct QuarterReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Мониторинг дорожной карты за период: выполнено, просрочено, предстоит; по направлениям и ответственным.")

        @Option(name: .long, help: "Период: 2023Q2, «II квартал 2023», 2023 или 01.04.2023-30.06.2023.")
        var period: String

        @Option(name: .long, help: "Только эта дорожная карта.")
        var roadmap: String?

        @Option(name: .long, help: "Формат: md, html, xlsx или csv.")
        var format: String = "md"

        @Option(name: .long, help: "Файл для записи.")
        var output: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            guard let range = ReportPeriod.parse(period) else {
                throw UserError("Не удалось прочитать период «\(period)»: укажите, например, 2023Q2, «II квартал 2023» или 2023.")
            }
            // Statuses as they stood at the end of the period.
            let asOf = range.upperBound.adding(days: 1)
            let all = try database.open().occurrences(OccurrenceFilter(roadmap: roadmap), asOf: asOf).orUserError()
            let report = RoadmapReportBuilder.build(all, period: range, periodText: period)
            switch format.lowercased() {
            case "md", "markdown": try Output.write(Array(MarkdownRenderer().render(report).utf8), to: output)
            case "html": try Output.write(Array(HTMLRenderer().render(report).utf8), to: output)
            case "xlsx": try Output.write(try XLSXWriter().render(report), to: output ?? "roadmap-\(range.lowerBound.iso).xlsx")
            case "csv":
                let tables = report.sections.flatMap { section in section.blocks.compactMap { block -> ReportTable? in
                    if case let .table(t) = block { return t } else { return nil }
                } }
                var bytes: [UInt8] = []
                for (i, table) in tables.enumerated() {
                    var part = CSVRenderer().render(table)
                    if i > 0 { part.removeFirst(3); bytes += Array("\r\n".utf8) }
                    bytes += part
                }
                try Output.write(bytes, to: output)
            default:
                throw UserError("Неизвестный формат «\(format)»: укажите md, html, xlsx или csv.")
            }
        }
    }
}
