import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikRegion
import NastavnikReports

/// `nastavnik region`: the region's consolidated database on PostgreSQL (issue 22).
struct RegionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: "Региональная база (PostgreSQL): отправка данных муниципалитета, отчёты и заказ КПК региона.",
        discussion: """
            Адрес базы — postgres://пользователь:пароль@сервер:порт/база (sslmode=disable|prefer|require|verify-full; \
            по умолчанию prefer: шифрование, если сервер его предлагает). Без аргумента адрес берётся из переменной \
            \(RegionURL.environmentVariable). Пароль не выводится ни в сообщениях, ни в журнале аудита.
            """,
        subcommands: [Init.self, Push.self, Status.self, Report.self, Order.self, Pushes.self]
    )

    /// The address argument every subcommand takes.
    struct Address: ParsableArguments {
        @Argument(help: "Адрес региональной базы postgres://… (по умолчанию из \(RegionURL.environmentVariable)).")
        var url: String?

        func resolved() throws -> RegionURL {
            try RegionURL.resolve(url, environment: ProcessInfo.processInfo.environment)
        }
    }

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Создать или обновить схему региональной базы (её миграции).")

        @OptionGroup var address: Address

        func run() async throws {
            let url = try address.resolved()
            let applied = try await NastavnikApp.regionInit(url)
            Console.current.out(
                applied.isEmpty
                    ? "Схема региональной базы \(url) уже актуальна (версия \(RegionSchema.version)).\n"
                    : "Схема региональной базы \(url) создана или обновлена: \(applied.joined(separator: ", ")).\n")
        }
    }

    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push",
            abstract: "Отправить данные муниципалитета в региональную базу одной партией.",
            discussion: """
                Партия содержит текущие данные базы; строки, которых у муниципалитета больше нет, помечаются в \
                регионе удалёнными. Повторная отправка той же партии ничего не меняет и возвращает сохранённую \
                квитанцию. ФИО, даты рождения и СНИЛС отправляются только с --personal-data; без него — псевдонимы, \
                как при --pseudonymize (работники разных муниципалитетов связываются по ключевому хэшу СНИЛС).
                """)

        @OptionGroup var address: Address
        @Flag(name: .long, help: "Только посчитать изменения, ничего не записывая.") var dryRun = false
        @Flag(name: .long, help: "Отправить ФИО, даты рождения и СНИЛС (по решению управления об основании обработки).")
        var personalData = false
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.ImportSummary>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let url = try address.resolved()
            AllocatorTuning.keepFreedMemory()
            // The push reads the whole database and writes one record at the end (the region's
            // receipt): the audit triggers are installed once the snapshot is read.
            let receipt = try await database.app(.write, auditTiming: .beforeFirstWrite).regionPush(
                url, asOf: asOf.date, personalData: personalData, dryRun: dryRun)
            if output.chosen == .json {
                try output.writeJSON(
                    .object([
                        ("batch", .string(receipt.batch)), ("added", .number(Double(receipt.added))),
                        ("changed", .number(Double(receipt.changed))), ("deleted", .number(Double(receipt.deleted))),
                        ("unchanged", .number(Double(receipt.unchanged))),
                    ]))
                return
            }
            let head =
                receipt.dryRun
                ? "Пробная отправка (ничего не записано) в \(url):"
                : receipt.repeated
                    ? "Региональная база \(url) уже приняла эту партию; её квитанция:"
                    : "Данные отправлены в \(url):"
            // A dry run's batch is never stored: its id would name nothing.
            let batch = receipt.dryRun ? "" : "партия \(receipt.batch); "
            Console.current.out(
                "\(head) \(batch)добавлено \(receipt.added), изменено \(receipt.changed), "
                    + "помечено удалёнными \(receipt.deleted), без изменений \(receipt.unchanged).\n")
            try output.emit([RegionCommand.countsTable(receipt)])
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Какие муниципалитеты и когда отправили данные, сколько строк.")

        @OptionGroup var address: Address
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>

        func run() async throws {
            let url = try address.resolved()
            let lines = try await NastavnikApp.regionStatus(url)
            try output.emit([RegionTables.status(lines)])
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Сводный отчёт региона: по муниципалитетам и по региону.",
            discussion: """
                Школы по статусам, правило трёх лет и истёкшие сроки КПК, доли выше пороговых значений диагностики \
                и тепловая карта дефицитов (муниципалитеты × темы), охват семинарами, кураторские пары (в том числе \
                кураторы из другого муниципалитета), целевые показатели.
                """)

        @OptionGroup var address: Address
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Reports>

        func run() async throws {
            let url = try address.resolved()
            let report = try await NastavnikApp.regionReport(url, asOf: asOf.date)
            try output.write(report, defaultName: "region-report")
        }
    }

    struct Order: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "order",
            abstract: "Региональный заказ на КПК на год: все направляемые работники всех муниципалитетов, с местами.")

        @Option(name: .long, help: "Год заказа.") var year: Int
        @Option(name: .long, help: "Группировка мест: provider (организатор ДПО), course (программа) или municipality.")
        var by: RegionOrderBuilder.Grouping = .provider
        @OptionGroup var address: Address
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.RegionOrder>

        func run() async throws {
            let url = try address.resolved()
            let document = try await NastavnikApp.regionOrder(url, year: year, grouping: by, asOf: asOf.date)
            try output.write(document, defaultName: "region-order-\(year)")
        }
    }

    struct Pushes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pushes", abstract: "Отправки этой базы, подтверждённые регионом (последние первыми).")

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try output.emit([RegionTables.pushes(try await database.app().regionPushes())])
        }
    }

    static func countsTable(_ receipt: RegionReceipt) -> ReportTable {
        ReportTable(
            title: receipt.dryRun ? "Пробная отправка: строки по таблицам" : "Квитанция партии \(receipt.batch)",
            columns: [
                Column("table", "Таблица"), Column("added", "Добавлено"), Column("changed", "Изменено"),
                Column("deleted", "Помечено удалёнными"), Column("unchanged", "Без изменений"),
            ],
            rows: receipt.tables.map { t in
                [
                    .text(RegionTable.all.first { $0.name == t.table }?.title ?? t.table), .integer(t.added),
                    .integer(t.changed), .integer(t.deleted), .integer(t.unchanged),
                ]
            })
    }
}

extension RegionOrderBuilder.Grouping: ExpressibleByArgument {}
