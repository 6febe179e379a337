import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct CuratorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curators",
        abstract: "Школы-кураторы: оптимальные пары с обоснованием, решения, проект приказа.",
        subcommands: [Suggest.self, Capacity.self, Assign.self, List.self, OrderDocument.self]
    )

    struct Suggest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract:
                "Предложить пары «школа — куратор» с минимальной суммарной стоимостью (точное решение, не жадное).",
            discussion:
                CuratorCost.explanation
                + " Вместимость куратора — 2 школы (--capacity), у отдельной школы — своя (nastavnik curators capacity КОД N). Команда ничего не записывает. Куратора предлагают каждой школе со статусом НОР, ЗПР, ЗУР или ШНСУ; куратором может быть школа со статусом из настройки curators.statuses (по умолчанию «эффективная»); школа без пары получает причину."
        )

        @Option(name: .long, help: "Годы результатов: 2022-2024 (по умолчанию три последних).")
        var years: String?

        @Option(name: .long, help: "Сколько школ может курировать одна школа.")
        var capacity: Int = 2

        @Option(name: .long, help: "Закрепить пару ШКОЛА:КУРАТОР (можно повторять).")
        var lock: [String] = []

        @Option(name: .long, help: "Запретить пару ШКОЛА:КУРАТОР (можно повторять).")
        var forbid: [String] = []

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let range = try yearRange(years)
            let suggestions = try await database.app().suggestCurators(
                years: range, capacity: capacity, lock: lock, forbid: forbid)
            try output.emit([CuratorReports.suggestions(suggestions)])
        }
    }

    /// The one write of a school's own curator capacity (it was a side effect of `suggest`).
    struct Capacity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "capacity",
            abstract:
                "Записать вместимость школы-куратора: сколько школ она может курировать (вместо --capacity команды suggest)."
        )

        @Argument(help: "Код школы-куратора.")
        var school: String

        @Argument(help: "Сколько школ она может курировать (0 — ни одной).")
        var capacity: Int

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let code = try await database.app().setCuratorCapacity(school: school, capacity: capacity)
            Console.current.out("Школа \(code) может курировать школ: \(capacity).\n")
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign",
            abstract: "Записать решение: школа, её куратор, координатор и приказ.")

        @Argument(help: "Код курируемой школы.")
        var school: String

        @Argument(help: "Код школы-куратора.")
        var curator: String

        @Option(name: .long, help: "Куратор (ФИО и должность).")
        var curatorName: String?

        @Option(name: .long, help: "Муниципальный координатор.")
        var coordinator: String?

        @Option(name: .long, help: "Приказ о закреплении.")
        var order: String?

        @Option(name: .long, help: "С даты (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var since: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.app().assignCurator(
                school: school, curator: curator, curatorName: curatorName, coordinator: coordinator,
                orderRef: order, since: since ?? .today())
            Console.current.out("Школа \(school): куратор — школа \(curator).\n")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Действующие пары «школа — куратор».")
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let app = try database.app()
            try output.emit([
                CuratorReports.pairings(
                    try await app.curatorPairings(), programmeFactors: try await app.programmeFactorsBySchool())
            ])
        }
    }

    struct OrderDocument: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "order", abstract: "Проект приказа о закреплении школ-кураторов.")

        @OptionGroup var output: OutputOptions<PrintFormat.Order>

        @Option(name: .long, help: "Дата приказа.")
        var date: LocalDate?

        @Option(name: .long, help: "Номер приказа.")
        var number: String?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let document = try await database.app().curatorOrder(date: date, number: number)
            // In XLSX the order is its appendix: the list a department edits and sends on.
            try output.write(document, defaultName: "curators-order")
        }
    }
}
