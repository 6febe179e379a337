import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

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
            let all = try database.open().occurrences(OccurrenceFilter(roadmap: roadmap), asOf: asOf)
            let report = RoadmapReportBuilder.build(all, period: range, periodText: period)
            switch format.lowercased() {
            case "md", "markdown": try Output.write(Array(MarkdownRenderer().render(report).utf8), to: output)
            case "html": try Output.write(Array(HTMLRenderer().render(report).utf8), to: output)
            case "xlsx": try Output.write(try XLSXWriter().render(report), to: output ?? "roadmap-\(range.lowerBound.iso).xlsx")
            case "csv": try Output.write(CSVRenderer().render(report), to: output)
            default:
                throw UserError("Неизвестный формат «\(format)»: укажите md, html, xlsx или csv.")
            }
        }
    }
}
