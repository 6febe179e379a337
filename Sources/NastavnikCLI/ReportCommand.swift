import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Отчёты для управления образования: по муниципалитету и по школе (HTML с диаграммами, Markdown, XLSX).",
        subcommands: [Municipality.self, School.self]
    )

    struct Municipality: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Отчёт по муниципалитету: статусы и кураторы, кадры, повышение квалификации, дефициты, дорожная карта.")

        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Documents>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let date = asOf.date
            try output.write(
                try await database.app().municipalReport(asOf: date), defaultName: "municipality-report-\(date.iso)")
        }
    }

    struct School: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Отчёт по одной школе.")

        @Argument(help: "Код ОО.") var code: String
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Documents>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let date = asOf.date
            try output.write(
                try await database.app().schoolReport(code: code, asOf: date),
                defaultName: "school-\(code)-report-\(date.iso)")
        }
    }
}
