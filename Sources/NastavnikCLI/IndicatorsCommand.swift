import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract:
            "Целевые показатели дорожных карт: базовое значение, план и факт по годам, по школам и муниципалитету; кадровые показатели (indicators staff, по умолчанию).",
        discussion:
            "Предопределены показатели Заиграевского района 1.1–3.2 и показатели рейтингования Ставрополя СТ1, СТ2, СТ4, вычисляемые по загруженным данным; свои показатели муниципалитета (indicators define) вводятся вручную.",
        subcommands: [
            IndicatorsStaffCommand.self, List.self, Report.self, Define.self, Baseline.self, Target.self,
            SetActual.self,
        ],
        defaultSubcommand: IndicatorsStaffCommand.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Показатели: совокупность, формула (или «вводится вручную»), базовое значение, источник.")

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try output.emit([IndicatorTables.list(try await database.app().targetIndicators())])
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Показатели за год: базовое значение, план, факт, отклонение (факт − план) и достигнут ли план — по муниципалитету и школам."
        )

        @Option(name: .long, help: "Год.") var year: Int
        @OptionGroup var filter: SchoolFilter
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let app = try database.app()
            let lines = try await app.indicatorReport(year: year, schoolCode: filter.school)
            let names = try await app.indicatorSchoolNames()
            try output.emit(
                [IndicatorTables.report(lines, year: year, schoolNames: names)], json: IndicatorTables.json(lines))
        }
    }

    struct Define: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "define",
            abstract: "Добавить свой показатель муниципалитета (значения вводятся вручную: indicators set).")

        @Argument(help: "Код показателя (не занятый предопределённым: 1.1–3.2, СТ1, СТ2, СТ4).") var code: String
        @Option(name: .long, help: "Формулировка показателя.") var name: String
        @Option(name: .long, help: "Совокупность: какие школы, какие обучающиеся или работники.") var population: String
        @Option(name: .long, help: "Единица («%» по умолчанию).") var unit = "%"
        @Flag(name: .long, help: "Лучше меньшее значение (например, доля «2»).") var lowerIsBetter = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let indicator = try await database.app().defineIndicator(
                code: code, name: name, population: population, unit: unit, lowerIsBetter: lowerIsBetter)
            Console.current.out("Добавлен показатель «\(indicator.code)»: \(indicator.name).\n")
        }
    }

    /// The options of a value's write: the indicator, the year, the value and, where allowed, the school.
    struct ValueOptions: ParsableArguments {
        @Argument(help: "Код показателя (indicators list).") var code: String
        @Option(name: .long, help: "Год.") var year: Int
        @Option(name: .long, help: "Значение (доля — в процентах, 0–100).") var value: DecimalNumber

        /// Writes the value as `kind` (for `school`, when given) and says what was set, «План показателя…».
        func write(_ kind: IndicatorValueKind, _ what: String, school: String?, _ database: DatabaseOptions)
            async throws
        {
            try await database.app().setIndicatorValue(
                kind, code: code, year: year, value: value.value, schoolCode: school)
            Console.current.out(
                "\(what) показателя «\(code)» (\(year) год\(school.map { ", школа \($0)" } ?? "")): \(Setting.format(value.value)).\n"
            )
        }
    }

    struct Baseline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "baseline",
            abstract: "Задать базовое значение показателя (год и значение).")

        @OptionGroup var options: ValueOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws { try await options.write(.baseline, "Базовое значение", school: nil, database) }
    }

    struct Target: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "target",
            abstract: "Задать плановое значение показателя на год — по муниципалитету или школе (--school).")

        @OptionGroup var options: ValueOptions
        @OptionGroup var filter: SchoolFilter
        @OptionGroup var database: DatabaseOptions

        func run() async throws { try await options.write(.target, "План", school: filter.school, database) }
    }

    struct SetActual: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract:
                "Ввести фактическое значение показателя за год вручную — для своих показателей и за годы, за которые данных нет.",
            discussion:
                "Показатель с формулой вычисляется по загруженным данным; ввод вручную отклоняется, если данные за этот год (и школу) дают значение."
        )

        @OptionGroup var options: ValueOptions
        @OptionGroup var filter: SchoolFilter
        @OptionGroup var database: DatabaseOptions

        func run() async throws { try await options.write(.actual, "Факт", school: filter.school, database) }
    }
}
