import ArgumentParser
import NastavnikReports

// Transitional: the seven commands converted on another branch at the same time (curators,
// plans, training, training order, attestation, mentoring, seminars) still name these; once they
// take `OutputOptions`, this file and `DocumentOutputOptions.swift` go.

/// The formats of `FormatOptions`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json

    /// `--format таблица` as well as `table`.
    init?(argument: String) {
        guard let format = PrintFormat(name: argument), let value = OutputFormat(rawValue: format.rawValue) else { return nil }
        self = value
    }
}

/// `--format table|csv|json`, `--output FILE` and `--encoding`: `OutputOptions<PrintFormat.Lists>`
/// under its former name.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Формат вывода: table, csv или json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Записать в файл вместо вывода на экран.")
    var output: String?

    @Option(name: .long, help: "Кодировка CSV: utf-8 (с BOM, по умолчанию) или cp1251.")
    var encoding: CSVRenderer.Encoding = .utf8

    /// As `OutputOptions.emit`.
    func emit(_ tables: [ReportTable], json: JSONValue? = nil) throws {
        var options = OutputOptions<PrintFormat.Lists>()
        options.chosen = PrintFormat(rawValue: format.rawValue)!
        options.output = output
        // A `FormatOptions()` made in code (training order) sets no encoding; only CSV reads it.
        options.encoding = .init(format == .csv ? encoding : .utf8)
        try options.emit(tables, json: json)
    }
}
