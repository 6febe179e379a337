import ArgumentParser
import NastavnikReports

// Transitional, as `FormatOptions`: `OutputOptions<PrintFormat.Documents>` under its former name.

/// The formats of `DocumentOutputOptions`.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case html, md, xlsx
}

/// `--format html|md|xlsx` and `--output FILE` for reports and documents.
struct DocumentOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Формат: html (для печати и просмотра), md или xlsx.")
    var format: DocumentFormat = .html

    @Option(name: .long, help: "Файл для записи; для xlsx по умолчанию создаётся файл в текущем каталоге.")
    var output: String?

    private var options: OutputOptions<PrintFormat.Documents> {
        var options = OutputOptions<PrintFormat.Documents>()
        options.chosen = PrintFormat(rawValue: format.rawValue)!
        options.output = output
        return options
    }

    /// As `OutputOptions.write(_:defaultName:)`.
    func write(_ report: Report, defaultName: String) throws { try options.write(report, defaultName: defaultName) }

    func write(_ document: Document, defaultName: String) throws { try options.write(document, defaultName: defaultName) }
}
