import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Повышение квалификации: правило «не реже раза в 3 года», прогноз, заказ на курсовую подготовку, запись и завершение.",
        subcommands: [Status.self, Forecast.self, Order.self, Enrol.self, Complete.self, Settings.self]
    )

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Для каждого педагогического и руководящего работника: последние КПК, срок следующих и нарушено ли правило «не реже раза в 3 года» (273-ФЗ, ст. 47, ч. 5, п. 2).",
            discussion: """
                Срок следующих КПК (due_by) — окончание последних засчитываемых КПК или начало педагогической деятельности, \
                если оно позже, плюс 3 года: работник, начавший педагогическую деятельность менее 3 лет назад, правило не нарушает. \
                Срок не известен, если нет ни КПК, ни даты начала деятельности; такой работник считается нарушившим правило. \
                «КПК за 3 года» — то, что считают показатели: засчитываемые КПК окончены в течение 3 лет до даты.
                """)

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @Option(name: .long, help: "Только школа с этим кодом.")
        var school: String?

        @Flag(name: .long, help: "Только нарушившие правило: срок следующих КПК прошёл (или неизвестен).")
        var nonCompliant = false

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let date = asOf ?? .today()
            let lines = try database.open().trainingStatus(asOf: date, schoolCode: school,
                                                           outOfComplianceBy: nonCompliant ? date : nil)
            let columns = [Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО"),
                           Column("last_training_end", "Окончание последних КПК"), Column("teaching_since", "Начало педагогической деятельности"),
                           Column("due_by", "Срок следующих КПК"), Column("overdue", "Срок прошёл"),
                           Column("trained_within_3_years", "КПК за 3 года"), Column("compliant", "В правиле")]
            try TrainingCommand.emit(lines, format: format, columns: columns) { line in
                [Cell(line.staffID), .text(line.fullName), .text(line.schoolCode), Cell(line.lastTrainingEnd), Cell(line.teachingSince),
                 Cell(line.dueBy), .bool(line.overdue), .bool(line.trainedWithin3Years), .bool(line.compliant)]
            }
        }
    }

    /// Writes a per-teacher list, streaming: a country-scale list has a million rows.
    static func emit<T>(_ items: [T], format: FormatOptions, columns: [Column], row: (T) -> [Cell]) throws {
        if format.format == .csv && format.encoding == .cp1251 {
            try format.emit([ReportTable(title: "", columns: columns, rows: items.map(row))])
            return
        }
        let streamFormat: StreamingWriter.Format = switch format.format {
        case .table: .table
        case .csv: .csv
        case .json: .json
        }
        try Output.stream(to: format.output) { sink in
            var writer = StreamingWriter(columns: columns, format: streamFormat, sink: sink)
            try writer.write(count: items.count, emptyMessage: "Нет работников.") { row(items[$0]) }
        }
    }

    struct Forecast: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Кто выпадет из правила «раз в 3 года» к дате и когда; кто уже выпал.")

        @Option(name: .long, help: "До какой даты (ДД.ММ.ГГГГ).")
        var until: LocalDate

        @Option(name: .long, help: "Считать от даты (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @Option(name: .long, help: "Только школа с этим кодом.")
        var school: String?

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let date = asOf ?? .today()
            guard until >= date else { throw UserError("Дата --until (\(until.russian)) раньше даты отсчёта (\(date.russian)).") }
            let db = try database.open()
            let lines = try db.trainingStatus(asOf: date, schoolCode: school, outOfComplianceBy: until)
            let planned = try db.plannedTrainingEnds(until: until)
            // `lines` are those out of the rule by `until` (their due day, `dueBy`, passed or
            // unknown), already chosen by the store. By the date they fall out (never trained
            // first), then school and name, which `lines` already follow: a stable sort on the
            // day alone keeps that order and moves indexes, not records.
            let days = lines.map { $0.outOfComplianceFrom?.dayNumber ?? Int.min }
            let falling = lines.indices.sorted { (days[$0], $0) < (days[$1], $1) }.map { lines[$0] }
            let columns = [Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО"),
                           Column("last_training_end", "Окончание последних КПК"), Column("due_by", "Срок следующих КПК"),
                           Column("out_of_compliance_from", "Вне правила с"), Column("compliant_now", "Сейчас в правиле"),
                           Column("planned_training_end", "Записан на КПК до")]
            try TrainingCommand.emit(falling, format: format, columns: columns) { line in
                let plannedEnd = planned[line.rowID]
                return [Cell(line.staffID), .text(line.fullName), .text(line.schoolCode), Cell(line.lastTrainingEnd), Cell(line.dueBy),
                        Cell(line.outOfComplianceFrom), .bool(line.compliant), Cell(plannedEnd)]
            }
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings", abstract: "Настройки правила: сколько часов засчитывается как повышение квалификации.")

        @Option(name: .long, help: "Минимальный объём курса в часах (по умолчанию 16).")
        var minimumHours: DecimalNumber?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            if let minimumHours = minimumHours?.value {
                guard minimumHours > 0 else { throw UserError("Минимальный объём должен быть больше нуля.") }
                try db.setSetting(NastavnikCore.Settings.trainingMinimumHours, String(minimumHours))
            }
            let rule = try db.trainingRule()
            Console.current.out("Повышением квалификации считаются завершённые курсы от \(Cell.russianNumber(rule.minimumHours, decimals: 0)) ч; каждый педагог — не реже раза в \(rule.years) года.\n")
        }
    }
}
