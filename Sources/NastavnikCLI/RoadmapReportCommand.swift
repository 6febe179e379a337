import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports

extension RoadmapCommand {
    struct QuarterReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Мониторинг дорожной карты за период: выполнено, просрочено, предстоит; по направлениям и ответственным."
        )

        @Option(name: .long, help: "Период: 2023Q2, «II квартал 2023», 2023 или 01.04.2023-30.06.2023.") var period:
            String
        @Option(name: .long, help: "Только эта дорожная карта.") var roadmap: String?
        @OptionGroup var output: OutputOptions<PrintFormat.RoadmapReport>
        @OptionGroup var database: DatabaseOptions

        /// The period `--period` names, or the Russian error (also `programmes report`'s).
        static func range(_ period: String) throws -> ClosedRange<LocalDate> {
            guard let range = ReportPeriod.parse(period) else {
                throw UserError(
                    "Не удалось прочитать период «\(period)»: укажите, например, 2023Q2, «II квартал 2023» или 2023.")
            }
            return range
        }

        func run() async throws {
            let range = try Self.range(period)
            let report = try await database.app().roadmapReport(period: range, periodText: period, roadmap: roadmap)
            try output.write(report, defaultName: "roadmap-\(range.lowerBound.iso)")
        }
    }
}
