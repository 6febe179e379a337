import ArgumentParser
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// The options of `report municipality` and `report school`: the date, the report's format and
/// file, whether the lists are appended, the database.
struct ReportOptions: ParsableArguments {
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var output: OutputOptions<PrintFormat.Reports>
    @Flag(
        name: .long,
        help:
            "Приложить к отчёту списки (молодые специалисты, наставнические пары, мероприятия, просроченные сроки, данные по школам); в xlsx они всегда на отдельных листах."
    )
    var full = false
    @OptionGroup var database: DatabaseOptions

    /// Where the lists are when the printed report leaves them out.
    static let whereToFind =
        "Они — на отдельных листах книги (--format xlsx) или в приложении к отчёту (--full)."

    /// Builds the report for the date asked for and writes it: the figures, with the lists in
    /// the workbook's sheets or, under `--full`, appended; a workbook is by default
    /// `name-ГГГГ-ММ-ДД.xlsx`; CSV gives each table under its title.
    func write(name: String, _ build: (NastavnikApp, LocalDate) async throws -> Report) async throws {
        let date = asOf.date
        let built = try await build(try database.app(), date)
        let report = full || output.chosen == .xlsx ? built : built.summary(whereToFind: Self.whereToFind)
        if output.chosen == .csv {
            try Output.write(
                CSVRenderer(encoding: output.encoding.value).render(report, titled: true), to: output.output)
        } else {
            try output.write(report, defaultName: "\(name)-\(date.iso)")
        }
    }
}
