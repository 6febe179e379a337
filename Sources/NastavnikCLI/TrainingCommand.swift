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
            abstract: "Для каждого педагога: окончание последних КПК и прошёл ли он их в течение 3 лет до даты (273-ФЗ, ст. 47, ч. 5, п. 2).")

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @Option(name: .long, help: "Только школа с этим кодом.")
        var school: String?

        @Flag(name: .long, help: "Только не прошедшие КПК за 3 года.")
        var nonCompliant = false

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let date = asOf ?? .today()
            var lines = try database.open().trainingStatus(asOf: date, schoolCode: school)
            if nonCompliant { lines = lines.filter { !$0.compliant } }
            let columns = [Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО"),
                           Column("last_training_end", "Окончание последних КПК"), Column("compliant", "КПК за 3 года")]
            try TrainingCommand.emit(lines, format: format, columns: columns) { line in
                [Cell(line.staffID), .text(line.fullName), .text(line.schoolCode), Cell(line.lastTrainingEnd), .bool(line.compliant)]
            }
        }
    }

    /// Writes a per-teacher list. JSON and CSV stream row by row: a country-scale list has a
    /// million rows, and building one value for all of them first would cost seconds.
    static func emit<T>(_ items: [T], format: FormatOptions, columns: [Column], row: (T) -> [Cell]) throws {
        switch format.format {
        case .table:
            try format.emit([ReportTable(title: "", columns: columns, rows: items.map(row), emptyMessage: "Нет работников.")])
        case .csv:
            var text = DelimitedText.record(columns.map(\.title), delimiter: ";")
            let renderer = CSVRenderer()
            for item in items { text += DelimitedText.record(row(item).map(renderer.value), delimiter: ";") }
            var bytes: [UInt8] = format.encoding == .utf8 ? [0xEF, 0xBB, 0xBF] + Array(text.utf8) : []
            if format.encoding == .cp1251 {
                var lossy = false
                bytes = Windows1251.encode(text, lossy: &lossy)
            }
            try Output.write(bytes, to: format.output)
        case .json:
            var text = "[\n"
            text.reserveCapacity(items.count * 140)
            let keys = columns.map { key -> String in
                var quoted = ""
                JSONValue.escape(key.key, into: &quoted)
                return quoted + ":"
            }
            for (i, item) in items.enumerated() {
                text += "  {"
                for (k, cell) in row(item).enumerated() {
                    if k > 0 { text += "," }
                    text += keys[k]
                    JSONValue(cell).write(into: &text)
                }
                text += i < items.count - 1 ? "},\n" : "}\n"
            }
            text += "]\n"
            try Output.write(Array(text.utf8), to: format.output)
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
            let lines = try db.trainingStatus(asOf: date, schoolCode: school)
            let planned = try db.plannedTrainingEnds(until: until)
            let rule = try db.trainingRule()
            // Out by `until`: never trained, or the 3 years since the last training end before it.
            let falling = lines.filter { !rule.isCompliant(lastTrainingEnd: $0.lastTrainingEnd, asOf: until) }
                .sorted { ($0.outOfComplianceFrom ?? .init(year: 1, month: 1, day: 1)!, $0.schoolCode, $0.fullName)
                    < ($1.outOfComplianceFrom ?? .init(year: 1, month: 1, day: 1)!, $1.schoolCode, $1.fullName) }
            let columns = [Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО"),
                           Column("last_training_end", "Окончание последних КПК"),
                           Column("out_of_compliance_from", "Вне правила с"), Column("compliant_now", "Сейчас в правиле"),
                           Column("planned_training_end", "Записан на КПК до")]
            try TrainingCommand.emit(falling, format: format, columns: columns) { line in
                let plannedEnd = line.staffID.flatMap { planned["id:" + $0] }
                return [Cell(line.staffID), .text(line.fullName), .text(line.schoolCode), Cell(line.lastTrainingEnd),
                        Cell(line.outOfComplianceFrom), .bool(line.compliant), Cell(plannedEnd)]
            }
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings", abstract: "Настройки правила: сколько часов засчитывается как повышение квалификации.")

        @Option(name: .long, help: "Минимальный объём курса в часах (по умолчанию 16).")
        var minimumHours: Double?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            if let minimumHours {
                guard minimumHours > 0 else { throw UserError("Минимальный объём должен быть больше нуля.") }
                try db.setSetting("training.minimum_hours", String(minimumHours))
            }
            let rule = try db.trainingRule()
            Console.current.out("Повышением квалификации считаются завершённые курсы от \(Cell.russianNumber(rule.minimumHours, decimals: 0)) ч; каждый педагог — не реже раза в \(rule.years) года.\n")
        }
    }
}
