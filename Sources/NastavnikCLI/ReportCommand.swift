import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case html, md, xlsx
}

/// `--format html|md|xlsx` and `--output FILE` for reports and documents.
struct DocumentOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Формат: html (для печати и просмотра), md или xlsx.")
    var format: DocumentFormat = .html

    @Option(name: .long, help: "Файл для записи; для xlsx по умолчанию создаётся файл в текущем каталоге.")
    var output: String?

    /// Writes the rendered report: text to stdout or a file; a workbook always to a file.
    func write(_ report: Report, defaultName: String) throws {
        switch format {
        case .html: try Output.write(Array(HTMLRenderer().render(report).utf8), to: output)
        case .md: try Output.write(Array(MarkdownRenderer().render(report).utf8), to: output)
        case .xlsx: try Output.write(try XLSXWriter().render(report), to: output ?? "\(defaultName).xlsx")
        }
    }

    func write(_ document: Document, defaultName: String) throws {
        switch format {
        case .html: try Output.write(Array(DocumentRenderer().html(document).utf8), to: output)
        case .md: try Output.write(Array(DocumentRenderer().markdown(document).utf8), to: output)
        case .xlsx:
            let sheets = [XLSXWriter.Sheet(name: "Документ", tables: document.appendices.flatMap { appendix in
                appendix.blocks.compactMap { block -> ReportTable? in
                    if case let .table(table) = block { return table }
                    return nil
                }
            })]
            try Output.write(try XLSXWriter().render(sheets: sheets, title: document.subject), to: output ?? "\(defaultName).xlsx")
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Отчёты для управления образования: по муниципалитету и по школе (HTML с диаграммами, Markdown, XLSX).",
        subcommands: [Municipality.self, School.self]
    )

    struct Municipality: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Отчёт по муниципалитету: статусы и кураторы, кадры, повышение квалификации, дефициты, дорожная карта.")

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var output: DocumentOutputOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let date = asOf ?? .today()
            let db = try database.open()
            let data = try db.municipalData(asOf: date)
            let report = MunicipalReportBuilder.build(
                data, asOf: date, indicators: try db.staffIndicators(asOf: date),
                mentorships: try db.mentorships(activeOn: date), events: try db.events(),
                minimumHours: try db.trainingRule().minimumHours, earlyCareer: EarlyCareerRule(settings: try db.settings()))
            try output.write(report, defaultName: "municipality-report-\(date.iso)")
        }
    }

    struct School: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Отчёт по одной школе.")

        @Argument(help: "Код ОО.")
        var code: String

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var output: DocumentOutputOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let date = asOf ?? .today()
            let db = try database.open()
            let data = try db.municipalData(asOf: date, schoolCode: code)
            guard let school = data.schools.first else { throw UserError("Школа с кодом «\(code)» не найдена.") }
            let report = MunicipalReportBuilder.build(
                data, asOf: date, school: school, indicators: try db.staffIndicators(asOf: date, schoolCode: code),
                mentorships: try db.mentorships(activeOn: date), events: try db.events(),
                minimumHours: try db.trainingRule().minimumHours, earlyCareer: EarlyCareerRule(settings: try db.settings()))
            try output.write(report, defaultName: "school-\(code)-report-\(date.iso)")
        }
    }
}
