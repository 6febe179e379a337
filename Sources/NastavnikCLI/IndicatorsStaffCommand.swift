import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// `indicators staff` (the default of `indicators`): the staff shares as before issue #21.
struct IndicatorsStaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract:
            "Кадровые показатели (Заиграевский 3.1, 3.2; охват — Ставрополь 2.1, 2.7) по школам и муниципалитету; для каждого показателя — совокупность и знаменатель."
    )

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var filter: SchoolFilter
    @OptionGroup var output: OutputOptions<PrintFormat.Lists>
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let indicators = try await database.app().staffIndicators(asOf: asOf.date, schoolCode: filter.school)
        let schools = indicators.table(includeTotal: filter.school == nil)
        let figures = indicators.figuresTable()
        let renderer = JSONRenderer()
        try output.emit(
            [schools, figures],
            json: .object([("schools", renderer.value(schools)), ("indicators", renderer.value(figures))]))
    }
}
