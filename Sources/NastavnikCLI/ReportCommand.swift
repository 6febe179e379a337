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
            commandName: "municipality",
            abstract:
                "Отчёт по муниципалитету: статусы и кураторы, кадры, повышение квалификации, дефициты, дорожная карта.")

        @OptionGroup var report: ReportOptions

        func run() async throws {
            try await report.write(name: "municipality-report") { app, date in try await app.municipalReport(asOf: date)
            }
        }
    }

    struct School: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "school", abstract: "Отчёт по одной школе.")

        @Argument(help: "Код ОО.") var code: String
        @OptionGroup var report: ReportOptions

        func run() async throws {
            try await report.write(name: "school-\(code)-report") { app, date in
                try await app.schoolReport(code: code, asOf: date)
            }
        }
    }
}
