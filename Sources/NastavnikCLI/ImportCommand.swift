import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore

extension ImportKind: ExpressibleByArgument {}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Импорт книги Excel (.xlsx) или файла CSV/TSV (UTF-8 или Windows-1251; разделитель ; , или TAB).",
        discussion: """
            nastavnik import ВИД ФАЙЛ — импорт файла указанного вида; nastavnik import ФАЙЛ — вид определяется по заголовкам.
            Виды: \(ImportKind.argumentList).
            Дорожная карта: nastavnik import roadmap ФАЙЛ [--period …] [--title …] [--order …] [--school …] [--roadmap-key …]; \
            эти параметры относятся только к дорожной карте.
            Книга Excel читается напрямую: берётся первый лист, заголовки которого подходят к виду, или лист --sheet.
            Импорт выполняется целиком или не выполняется вовсе: при любой ошибке база остаётся прежней.
            """
    )

    @Argument(help: "ВИД ФАЙЛ или только ФАЙЛ.") var arguments: [String]
    @Flag(name: .long, help: "Только проверить: показать, что будет добавлено и изменено, ничего не записывая.")
    var dryRun = false
    @Option(
        name: .long, help: "Кодировка импортируемого файла: utf-8 или cp1251 (по умолчанию определяется автоматически)."
    ) var inputEncoding: String?
    @Option(name: .long, help: "Разделитель: ';', ',' или tab (по умолчанию определяется автоматически).")
    var delimiter: String?
    @Option(
        name: .long, help: "Лист книги Excel: имя или номер с 1 (по умолчанию первый лист с подходящими заголовками).")
    var sheet: String?
    @Option(name: .long, help: "Записать отклонённые строки с описанием ошибок в этот файл.") var rejects: String?
    @Option(
        name: .long,
        help:
            "Дата, на которую составлен файл (ДД.ММ.ГГГГ; по умолчанию сегодня): по ней определяется статус обучения, а «Педстаж, лет» пересчитывается в дату начала педагогической деятельности."
    ) var asOf: LocalDate?
    @OptionGroup var roadmap: RoadmapImportOptions
    @OptionGroup var output: OutputOptions<PrintFormat.ImportSummary>
    @OptionGroup var database: DatabaseOptions

    /// The kind named on the command line, if any.
    var kind: ImportKind? { arguments.count == 2 ? ImportKind(argument: arguments[0]) : nil }

    func validate() throws {
        guard (1...2).contains(arguments.count) else {
            throw ValidationError("Укажите ФАЙЛ или ВИД ФАЙЛ.")
        }
        if arguments.count == 2, ImportKind(argument: arguments[0]) == nil {
            throw ValidationError("Неизвестный вид «\(arguments[0])». Виды: \(ImportKind.argumentList).")
        }
        // A roadmap's own options say nothing about a file of another kind.
        if let kind, kind != .roadmap, let option = roadmap.given.first {
            throw ValidationError(
                "Параметр \(option) относится только к дорожной карте (nastavnik import roadmap ФАЙЛ), а не к виду «\(kind.rawValue)»."
            )
        }
    }

    func run() async throws {
        var options = try ImportCommand.options(encoding: inputEncoding, delimiter: delimiter)
        options.dryRun = dryRun
        options.rejectsPath = rejects
        options.sheet = sheet
        options.importedBy = database.actorName
        if let asOf { options.today = asOf }
        options.roadmap = try roadmap.options()
        options.roadmapOptionNames = roadmap.given
        // A dry run writes nothing, so it creates no file: without one it checks against an empty database.
        let app =
            dryRun && !FileManager.default.fileExists(atPath: database.path)
            ? NastavnikApp(database: try NastavnikDatabase())
            : try database.app(.write)
        let outcome = try await app.importFile(kind: kind, path: arguments.last!, options: options)
        try ImportCommand.show(outcome, format: output.chosen)
    }

    static func options(encoding: String?, delimiter: String?) throws -> ImportOptions {
        var options = ImportOptions()
        if let encoding {
            guard let value = TextEncoding(userValue: encoding) else {
                throw UserError("Неизвестная кодировка «\(encoding)»: укажите utf-8 или cp1251.")
            }
            options.encoding = value
        }
        if let delimiter {
            switch delimiter.lowercased() {
            case ";": options.delimiter = UInt8(ascii: ";")
            case ",": options.delimiter = UInt8(ascii: ",")
            case "tab", "\\t", "\t": options.delimiter = 9
            default: throw UserError("Неизвестный разделитель «\(delimiter)»: укажите ';', ',' или tab.")
            }
        }
        return options
    }

    /// Prints an import's summary (JSON, or its warnings and errors on stderr and a sentence);
    /// a refused import exits with status 1. `quiet` prints the sentence only for a refused file.
    static func show(_ outcome: ImportOutcome, format: PrintFormat, quiet: Bool = false, showWarnings: Bool = true)
        throws
    {
        let summary = outcome.summary
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.current.out(String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n")
        } else {
            for issue in summary.warnings where showWarnings {
                Console.current.err("предупреждение: " + issue.formatted(file: summary.file) + "\n")
            }
            for issue in summary.errors {
                Console.current.err(issue.formatted(file: summary.file) + "\n")
            }
            if !quiet || outcome.failed { Console.current.out(describe(summary, failed: outcome.failed)) }
        }
        if outcome.failed { throw ExitCode(1) }
    }

    static func describe(_ summary: ImportSummary, failed: Bool) -> String {
        ImportTables.sentence(summary, failed: failed) + "\n"
    }
}
