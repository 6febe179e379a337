import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports

extension Competence: ExpressibleByArgument {}

struct DiagnosticsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnostics",
        abstract:
            "Диагностика профессиональных дефицитов: кампании, пороги, сводка по школам и муниципалитету, динамика.",
        subcommands: [Campaigns.self, Thresholds.self, Summary.self, Dynamics.self]
    )

    struct Campaigns: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "campaigns", abstract: "Кампании диагностики.")
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let list = try await database.app().diagnosticCampaigns()
            try output.emit([DiagnosticsTables.campaigns(list)])
        }
    }

    struct Thresholds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "thresholds",
            abstract:
                "Пороги компетенций (по умолчанию — как в Заиграевском районе: предметные выше 10, методические выше 20)."
        )

        @Option(name: .long, help: "Инструмент диагностики; * — порог по умолчанию для всех.") var instrument: String =
            "*"
        @Option(
            name: .long,
            help:
                "Компетенция: предметные, методические, психолого-педагогические или коммуникативные (или subject, methodological, psychological, communicative)."
        ) var competence: Competence?
        @Option(name: .long, help: "Порог: балл, который нужно превысить.") var threshold: DecimalNumber?
        @Option(name: .long, help: "Максимальный балл шкалы.") var max: DecimalNumber?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let app = try database.app()
            if (competence == nil) != (threshold == nil) { throw UserError("Укажите и --competence, и --threshold.") }
            let values = try await app.diagnosticThresholds(
                instrument: instrument, setting: competence, to: threshold?.value, maxScore: max?.value)
            var out = "Пороги" + (instrument == "*" ? " по умолчанию" : " для «\(instrument)»") + ":\n"
            for c in DiagnosticsTables.shown {
                out +=
                    "  \(c.russian): "
                    + (values[c].map { "выше \(Cell.russianNumber($0, decimals: $0 == $0.rounded() ? 0 : 1))" }
                        ?? "не задан") + "\n"
            }
            Console.current.out(out)
        }
    }

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract:
                "Сводка кампании: по школам и по муниципалитету — доля педагогов выше порогов, средние баллы, частота дефицитов."
        )

        @OptionGroup var filter: SchoolFilter

        @Option(
            name: .long,
            help:
                "Кампания: номер или дата (ДД.ММ.ГГГГ); по умолчанию — последний результат каждого педагога (как в indicators)."
        ) var campaign: String?
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let summary = try await database.app().diagnosticsSummary(schoolCode: filter.school, campaign: campaign)
            try output.emit(keyed: [("schools", summary.schools), ("deficits", summary.deficits)])
        }
    }

    struct Dynamics: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dynamics",
            abstract: "Динамика между двумя кампаниями: по педагогам, школам и компетенциям.")

        @Option(name: .long, help: "Первая кампания: номер или дата.") var from: String
        @Option(name: .long, help: "Вторая кампания: номер или дата.") var to: String
        @OptionGroup var filter: SchoolFilter
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let dynamics = try await database.app().diagnosticsDynamics(from: from, to: to, schoolCode: filter.school)
            try output.emit(keyed: [("schools", dynamics.schools), ("teachers", dynamics.teachers)])
        }
    }
}
