import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "Индивидуальные планы профессионального развития (ИППР/ИОМ): по дефицитам, с версиями и отметками.",
        subcommands: [Generate.self, List.self, Show.self, Mark.self, Export.self]
    )

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract:
                "Составить или скорректировать планы на учебный год: для всех педагогических и руководящих работников школ с НОР, ЗПР, ЗУР (настройка plans.all_staff_statuses), в остальных — для педагогов с дефицитами или баллами не выше порога."
        )

        @Option(name: .long, help: "Учебный год: 2026/27.")
        var year: String

        @OptionGroup var filter: SchoolFilter

        @Option(
            name: .long,
            help:
                "Учитывать диагностику и наблюдения на дату (ДД.ММ.ГГГГ); программы, начавшиеся раньше, не предлагаются; незавершённое из плана прошлого года переносится, если дата не раньше начала учебного года; по умолчанию сегодня."
        )
        var asOf: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let result = try await database.app().generatePlans(
                year: year, schoolCode: filter.school, asOf: asOf ?? .today())
            Console.current.out(
                "Планы на \(result.label) учебный год: работников с планом — \(result.teachers); новых планов — \(result.created), скорректировано (новая версия) — \(result.revised), без изменений — \(result.unchanged); перенесено незавершённых пунктов из прошлого года — \(result.carriedOverItems).\n"
            )
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Список планов: педагог, год, версия, выполнение.")

        @OptionGroup var filter: SchoolFilter

        @Option(name: .long, help: "Учебный год: 2026/27.")
        var year: String?

        @Flag(name: .long, help: "Показать и прежние версии.")
        var history = false

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let app = try database.app()
            try output.emit([
                PlanReports.list(
                    try await app.plans(schoolCode: filter.school, year: year, history: history),
                    factorSettings: try await app.settings())
            ])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "План с пунктами (номер пункта — для plans mark).")

        @Argument(help: "Номер плана или табельный номер педагога.")
        var id: String

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let app = try database.app()
            try output.emit([PlanReports.show(try await app.plan(id), factorSettings: try await app.settings())])
        }
    }

    struct Mark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "mark", abstract: "Отметить пункт плана.")

        @Argument(help: "Номер пункта.")
        var item: Int64

        @Option(
            name: .long,
            help:
                "Статус: выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned)."
        )
        var status: String

        @Option(name: .long, help: "Подтверждение: удостоверение, справка, лист участия.")
        var evidence: String?

        @Option(name: .long, help: "Дата (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var date: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let value = try await database.app().markPlanItem(
                item, status: status, evidence: evidence, date: date ?? .today())
            Console.current.out("Пункт № \(item): «\(value.russian)».\n")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Печатные планы: по одному на педагога (md, html, xlsx, csv).")

        @OptionGroup var filter: SchoolFilter

        @Option(name: .long, help: "Учебный год: 2026/27.")
        var year: String?

        @OptionGroup var output: OutputOptions<PrintFormat.PlanExport>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let label = try year.map { try NastavnikApp.schoolYear($0).label }
            let plans = try await database.app().plans(schoolCode: filter.school, year: year)
            let report = PlanReports.printed(plans, label: label, school: filter.school)
            if output.chosen == .csv {
                try output.emit([PlanReports.allItems(plans)])
            } else {
                try output.write(report, defaultName: "plans", pageBreaks: true)
            }
        }
    }
}
