import ArgumentParser
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// The options of `report municipality` and `report school`: the date, the report's format and
/// file, the database.
struct ReportOptions: ParsableArguments {
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var output: OutputOptions<PrintFormat.Documents>
    @OptionGroup var database: DatabaseOptions

    /// Builds the report for the date asked for and writes it; a workbook is by default
    /// `name-ГГГГ-ММ-ДД.xlsx`.
    func write(name: String, _ build: (NastavnikApp, LocalDate) async throws -> Report) async throws {
        let date = asOf.date
        try output.write(try await build(try database.app(), date), defaultName: "\(name)-\(date.iso)")
    }
}
