import ArgumentParser
import NastavnikReports

/// `--format`, `--output FILE` and `--encoding` (the printed CSV's) of every command that prints:
/// one grammar, each command naming the formats it takes with `Formats`
/// (`@OptionGroup var output: OutputOptions<PrintFormat.Lists>`).
///
/// A format outside the command's set is refused while parsing, by the value type: the parser's
/// own error then lists the command's formats («значение «json» не подходит для --format.
/// Допустимые значения: html, md, xlsx.») under the option's help line. `validate()` refuses
/// `--output` where the command writes no file and `--encoding` where it prints no CSV (both are
/// hidden from its help).
struct OutputOptions<Formats: PrintFormats>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Formats.help))
    var format: Choice = Choice(Formats.defaultFormat)

    @Option(name: .long, help: ArgumentHelp(Formats.outputHelp, visibility: Formats.writesFile ? .default : .private))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Кодировка CSV: utf-8 (с BOM, по умолчанию) или cp1251.",
            visibility: Formats.printsCSV ? .default : .private))
    var encoding: CSVEncoding = CSVEncoding(.utf8)

    init() {}

    /// The chosen format.
    var chosen: PrintFormat {
        get { format.format }
        set { format = Choice(newValue) }
    }

    func validate() throws {
        if !Formats.writesFile, output != nil {
            throw ValidationError("Параметр --output здесь не применяется: команда не записывает файл.")
        }
        if !Formats.printsCSV, encoding.given {
            throw ValidationError(
                "Параметр --encoding задаёт кодировку выводимого CSV, а эта команда CSV не выводит"
                    + (Formats.self == PrintFormat.ImportSummary.self
                        ? "; кодировку импортируемого файла задаёт --input-encoding." : "."))
        }
    }

    /// A `--format` value of this command's set.
    struct Choice: ExpressibleByArgument {
        var format: PrintFormat

        init(_ format: PrintFormat) { self.format = format }

        init?(argument: String) {
            guard let format = PrintFormat(name: argument), Formats.allowed.contains(format) else { return nil }
            self.format = format
        }

        static var allValueStrings: [String] { Formats.allowed.map(\.rawValue) }
        var defaultValueDescription: String { format.rawValue }
    }

    /// `--encoding`, remembering whether it was given.
    struct CSVEncoding: ExpressibleByArgument {
        var value: CSVRenderer.Encoding
        var given = false

        init(_ value: CSVRenderer.Encoding) { self.value = value }

        init?(argument: String) {
            guard let value = CSVRenderer.Encoding(argument: argument) else { return nil }
            self.value = value
            given = true
        }

        static var allValueStrings: [String] { CSVRenderer.Encoding.allCases.map(\.rawValue) }
        var defaultValueDescription: String { value.rawValue }
    }
}

extension OutputOptions {
    /// Renders tables as a text table, CSV (several separated by an empty line, one BOM) or JSON
    /// (`json`, else one table's rows, else an object of the tables by title) and writes them out.
    func emit(_ tables: [ReportTable], json: JSONValue? = nil) throws {
        switch chosen {
        case .json:
            try writeJSON(
                json
                    ?? (tables.count == 1
                        ? JSONRenderer().value(tables[0])
                        : .object(tables.map { ($0.title, JSONRenderer().value($0)) })))
        case .csv:
            try Output.write(CSVRenderer(encoding: encoding.value).render(tables), to: output)
        default:
            try Output.write(
                Array(tables.map { TextTableRenderer().render($0) }.joined(separator: "\n").utf8), to: output)
        }
    }

    /// Writes tables as `emit(_:json:)` does, but in JSON as one object of the tables by key
    /// rather than by title.
    func emit(keyed tables: [(String, ReportTable)]) throws {
        try emit(tables.map(\.1), json: .object(tables.map { ($0.0, JSONRenderer().value($0.1)) }))
    }

    /// Writes a card (a school's, a worker's): in JSON one object of its fields by key, then the
    /// `more` tables by key; otherwise a «Поле / Значение» table titled `title`, then `more`.
    func emitCard(_ fields: [(String, String, Cell)], title: String = "", more: [(String, ReportTable)] = []) throws {
        if chosen == .json {
            try writeJSON(
                .object(fields.map { ($0.0, JSONValue($0.2)) } + more.map { ($0.0, JSONRenderer().value($0.1)) }))
            return
        }
        try emit(
            [
                ReportTable(
                    title: title, columns: [Column("field", "Поле"), Column("value", "Значение")],
                    rows: fields.map { [.text($0.1), .text($0.2.display)] })
            ] + more.map(\.1))
    }

    /// A card: its fields as a table (or one JSON object), then its more tables.
    func emit(_ card: Card) throws { try emitCard(card.fields, title: card.title, more: card.more) }

    /// Writes a JSON value, pretty-printed, with a final newline.
    func writeJSON(_ value: JSONValue) throws {
        try Output.write(Array((value.serialized(pretty: true) + "\n").utf8), to: output)
    }

    /// Writes a report: text to stdout or `--output`; a workbook or a Word document always to a
    /// file (`defaultName.xlsx`, `.docx` in the current directory without `--output`).
    func write(_ report: Report, defaultName: String, pageBreaks: Bool = false) throws {
        switch chosen {
        case .md: try Output.write(Array(MarkdownRenderer().render(report).utf8), to: output)
        case .xlsx: try Output.write(try XLSXWriter().render(report), to: output ?? "\(defaultName).xlsx")
        case .docx:
            try Output.write(
                try DOCXWriter().render(report, pageBreakBetweenSections: pageBreaks),
                to: output ?? "\(defaultName).docx")
        case .csv: try Output.write(CSVRenderer(encoding: encoding.value).render(report), to: output)
        case .json: try writeJSON(JSONRenderer().value(report))
        default:
            try Output.write(
                Array(HTMLRenderer().render(report, pageBreakBetweenSections: pageBreaks).utf8), to: output)
        }
    }

    /// Writes a document (an order with its appendices): HTML, Markdown, a Word document, or its
    /// tables as a workbook (a binary format to `defaultName.docx`, `.xlsx` without `--output`).
    func write(_ document: Document, defaultName: String) throws {
        switch chosen {
        case .md: try Output.write(Array(DocumentRenderer().markdown(document).utf8), to: output)
        case .docx: try Output.write(try DOCXWriter().render(document), to: output ?? "\(defaultName).docx")
        case .xlsx: try Output.write(try XLSXWriter().render(document), to: output ?? "\(defaultName).xlsx")
        default: try Output.write(Array(DocumentRenderer().html(document).utf8), to: output)
        }
    }
}
