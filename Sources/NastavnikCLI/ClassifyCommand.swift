import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports

extension SchoolsCommand {
    struct Classify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify",
            abstract:
                "Предложить статусы школ по методу Ставрополя: определяют средний относительный балл ЕГЭ и ОГЭ за 3 года (средний балл школы по предмету ÷ средний по региону) и его отклонение от 1; ВПР показывается, но статус не определяет. Пороги — настройки classification.* (nastavnik settings list); официальный статус остаётся главным."
        )

        @Option(name: .long, help: "Годы: 2022-2024 (по умолчанию три последних).") var years: String?
        @OptionGroup var cutoffs: Cutoffs
        @Flag(name: .long, help: "Сохранить предложенные статусы (отдельно от официальных).") var save = false
        @Flag(name: .long, help: "Только школы, где предложение расходится с официальным статусом.") var differences =
            false
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let range = try yearRange(years)
            let (rules, schools, rating) = try await database.app().classifySchools(
                years: range, adjust: cutoffs.apply, save: save)
            try output.emit([
                SchoolTables.classification(schools, rules: rules, rating: rating, differencesOnly: differences)
            ])
        }

        /// The cut-offs given on the command line instead of the settings, each named in the reasons by its option.
        struct Cutoffs: ParsableArguments {
            @Option(
                name: .long,
                help: "НОР: средний относительный балл ниже (по умолчанию — настройка classification.low_results, 0,9)."
            ) var low: DecimalNumber?
            @Option(
                name: .long,
                help:
                    "ЗПР: ниже (настройка classification.high_risk, 0,95) или снижение за период (classification.falling_trend)."
            ) var highRisk: DecimalNumber?
            @Option(name: .long, help: "ЗУР: ниже (настройка classification.moderate_risk, 0,98).") var moderateRisk:
                DecimalNumber?
            @Option(name: .long, help: "Эффективная: не ниже (настройка classification.effective, 1,05).")
            var effective: DecimalNumber?
            @Option(
                name: .long,
                help: "ШНСУ: индекс социального неблагополучия не ниже (настройка classification.adverse_social, 30).")
            var social: DecimalNumber?

            func apply(to rules: inout ClassificationRules) {
                if let low { rules.lowResults = .init(low.value, origin: "--low") }
                if let highRisk { rules.highRisk = .init(highRisk.value, origin: "--high-risk") }
                if let moderateRisk { rules.moderateRisk = .init(moderateRisk.value, origin: "--moderate-risk") }
                if let effective { rules.effective = .init(effective.value, origin: "--effective") }
                if let social { rules.adverseSocial = .init(social.value, origin: "--social") }
            }
        }
    }
}
