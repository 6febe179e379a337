import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract:
            "Повышение квалификации: правило «не реже раза в 3 года», прогноз, заказ на курсовую подготовку, запись и завершение.",
        subcommands: [Status.self, Forecast.self, Order.self, Enrol.self, Complete.self, Settings.self]
    )

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract:
                "Для каждого педагогического и руководящего работника: последние КПК, срок следующих и нарушено ли правило «не реже раза в 3 года» (273-ФЗ, ст. 47, ч. 5, п. 2).",
            discussion: """
                Срок следующих КПК (due_by) — окончание последних засчитываемых КПК или начало педагогической деятельности, \
                если оно позже, плюс 3 года: работник, начавший педагогическую деятельность менее 3 лет назад, правило не нарушает. \
                Срок не известен, если нет ни КПК, ни даты начала деятельности; такой работник считается нарушившим правило. \
                «КПК за 3 года» — то, что считают показатели: засчитываемые КПК окончены в течение 3 лет до даты.
                """)

        @OptionGroup var asOf: AsOfOption

        @OptionGroup var filter: SchoolFilter

        @Flag(name: .long, help: "Только нарушившие правило: срок следующих КПК прошёл (или неизвестен).")
        var nonCompliant = false

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let lines = try await database.app().trainingStatus(
                asOf: asOf.date, schoolCode: filter.school, nonCompliant: nonCompliant)
            try TrainingCommand.emit(
                lines, output: output, columns: TrainingReports.statusColumns, row: TrainingReports.statusRow)
        }
    }

    /// Writes a per-teacher list, streaming: a country-scale list has a million rows.
    static func emit<T>(_ items: [T], output: OutputOptions<PrintFormat.Lists>, columns: [Column], row: (T) -> [Cell])
        throws
    {
        if output.chosen == .csv && output.encoding.value == .cp1251 {
            try output.emit([ReportTable(title: "", columns: columns, rows: items.map(row))])
            return
        }
        let streamFormat: StreamingWriter.Format =
            switch output.chosen {
            case .csv: .csv
            case .json: .json
            default: .table
            }
        try Output.stream(to: output.output) { sink in
            var writer = StreamingWriter(columns: columns, format: streamFormat, sink: sink)
            try writer.write(count: items.count, emptyMessage: "Нет работников.") { row(items[$0]) }
        }
    }

    struct Forecast: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forecast",
            abstract: "Кто выпадет из правила «раз в 3 года» к дате и когда; кто уже выпал.")

        @Option(name: .long, help: "До какой даты (ДД.ММ.ГГГГ).")
        var until: LocalDate

        @Option(name: .long, help: "Считать от даты (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var filter: SchoolFilter

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let forecast = try await database.app().trainingForecast(
                until: until, asOf: asOf ?? .today(), schoolCode: filter.school)
            try TrainingCommand.emit(forecast.lines, output: output, columns: TrainingReports.forecastColumns) { line in
                TrainingReports.forecastRow(line, plannedEnd: forecast.plannedEnds[line.rowID])
            }
        }
    }

    struct Settings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings",
            abstract: "Настройки правила: сколько часов засчитывается как повышение квалификации.")

        @Option(name: .long, help: "Минимальный объём курса в часах (по умолчанию 16).")
        var minimumHours: DecimalNumber?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let rule = try await database.app().trainingRule(settingMinimumHours: minimumHours?.value)
            Console.current.out(
                "Повышением квалификации считаются завершённые курсы от \(Cell.russianNumber(rule.minimumHours, decimals: 0)) ч; каждый педагог — не реже раза в \(rule.years) года.\n"
            )
        }
    }
}
