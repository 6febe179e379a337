import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "Индивидуальные планы профессионального развития (ИППР/ИОМ): по дефицитам, с версиями и отметками.",
        subcommands: [Generate.self, List.self, Show.self, Mark.self, Export.self]
    )

    /// «2026/27» → 01.09.2026–31.08.2027.
    static func schoolYear(_ text: String) throws -> (label: String, range: ClosedRange<LocalDate>) {
        guard text.contains("/"), let period = PeriodText.parse(text) else {
            throw UserError("Учебный год «\(text)» не распознан: укажите его как 2026/27.")
        }
        let label = "\(period.start.year)/\(String(period.end.year).suffix(2))"
        return (label, period.start...period.end)
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Составить или скорректировать планы на учебный год: для всех педагогических и руководящих работников школ с НОР, ЗПР, ЗУР (настройка plans.all_staff_statuses), в остальных — для педагогов с дефицитами или баллами не выше порога.")

        @Option(name: .long, help: "Учебный год: 2026/27.")
        var year: String

        @Option(name: .long, help: "Только школа с этим кодом.")
        var school: String?

        @Option(name: .long, help: "Учитывать диагностику и наблюдения на дату (ДД.ММ.ГГГГ); программы, начавшиеся раньше, не предлагаются; незавершённое из плана прошлого года переносится, если дата не раньше начала учебного года; по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let (label, range) = try PlansCommand.schoolYear(year)
            let result: PlanGeneration
            do {
                result = try database.open().generatePlans(year: range, label: label, schoolCode: school, asOf: asOf ?? .today())
            } catch let error as StoreError {
                throw UserError(error.errorDescription ?? "\(error)")
            }
            Console.current.out("Планы на \(label) учебный год: работников с планом — \(result.teachers); новых планов — \(result.created), скорректировано (новая версия) — \(result.revised), без изменений — \(result.unchanged); перенесено незавершённых пунктов из прошлого года — \(result.carriedOverItems).\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Список планов: педагог, год, версия, выполнение.")

        @Option(name: .long, help: "Только школа с этим кодом.")
        var school: String?

        @Option(name: .long, help: "Учебный год: 2026/27.")
        var year: String?

        @Flag(name: .long, help: "Показать и прежние версии.")
        var history = false

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let label = try year.map { try PlansCommand.schoolYear($0).label }
            let plans = try database.open().plans(schoolCode: school, year: label, history: history)
            try format.emit([ReportTable(
                title: "",
                columns: [Column("id", "№ плана"), Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"),
                          Column("school_code", "Код ОО"), Column("school_year", "Учебный год"), Column("version", "Версия"),
                          Column("current", "Действующая"), Column("items", "Пунктов"), Column("done", "Выполнено"),
                          Column("topics", "Темы")],
                rows: plans.map { p in
                    [.integer(Int(p.id)), Cell(p.staffID), .text(p.fullName), .text(p.schoolCode), .text(p.schoolYear),
                     .integer(p.version), .bool(p.current), .integer(p.items.count), .integer(p.items.filter { $0.status == .done }.count),
                     .list(Array(Set(p.items.compactMap(\.topic))).sorted())]
                },
                emptyMessage: "Планов нет: nastavnik plans generate --year 2026/27.")])
        }
    }

    static func itemsTable(_ plan: PlanLine) -> ReportTable {
        ReportTable(
            title: "",
            columns: [Column("item", "№ пункта"), Column("kind", "Форма"), Column("topic", "Тема (дефицит)"),
                      Column("description", "Мероприятие"), Column("deadline", "Срок"), Column("expected_result", "Ожидаемый результат"),
                      Column("status", "Статус"), Column("evidence", "Подтверждение")],
            rows: plan.items.map { i in
                [.integer(Int(i.id)), .text(i.kind.russian), Cell(i.topic), .text(i.description), Cell(i.deadline), Cell(i.expectedResult),
                 .text(i.status.russian), Cell(i.evidence)]
            },
            emptyMessage: "Пунктов нет.")
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "План с пунктами (номер пункта — для plans mark).")

        @Argument(help: "Номер плана или табельный номер педагога.")
        var id: String

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            let plans = try Int64(id).map { try db.plans(planID: $0) } ?? db.plans(staff: id)
            guard let plan = plans.last else { throw UserError("План «\(id)» не найден.") }
            var table = PlansCommand.itemsTable(plan)
            table.title = "ИППР: \(plan.fullName) (\(plan.staffID ?? "—")), \(plan.schoolName), \(plan.schoolYear) уч. год, версия \(plan.version)"
            try format.emit([table])
        }
    }

    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Отметить пункт плана.")

        @Argument(help: "Номер пункта.")
        var item: Int64

        @Option(name: .long, help: "Статус: выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned).")
        var status: String

        @Option(name: .long, help: "Подтверждение: удостоверение, справка, лист участия.")
        var evidence: String?

        @Option(name: .long, help: "Дата (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var date: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let map: [String: PlanItemStatus] = ["done": .done, "выполнено": .done, "inprogress": .inProgress, "выполняется": .inProgress,
                                                 "cancelled": .cancelled, "отменено": .cancelled, "planned": .planned, "запланировано": .planned]
            guard let value = map[status.lowercased()] else {
                throw UserError("Неизвестный статус «\(status)»: укажите выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned).")
            }
            if value == .done, (evidence ?? "").isEmpty {
                throw UserError("Для отметки «выполнено» укажите подтверждение: --evidence «Удостоверение № …».")
            }
            try database.open().markPlanItem(id: item, status: value, evidence: evidence, date: date ?? .today()).orUserError()
            Console.current.out("Пункт № \(item): «\(value.russian)».\n")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Печатные планы: по одному на педагога (md, html, xlsx, csv).")

        @Option(name: .long, help: "Только школа с этим кодом.")
        var school: String?

        @Option(name: .long, help: "Учебный год: 2026/27.")
        var year: String?

        @Option(name: .long, help: "Формат: html, md, xlsx или csv.")
        var format: String = "html"

        @Option(name: .long, help: "Файл для записи.")
        var output: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let label = try year.map { try PlansCommand.schoolYear($0).label }
            let plans = try database.open().plans(schoolCode: school, year: label)
            let report = Report(
                title: "Индивидуальные планы профессионального развития педагогов",
                subtitle: [label.map { "\($0) учебный год" }, school.map { "школа \($0)" }].compactMap { $0 }.joined(separator: ", "),
                sections: plans.isEmpty ? [.empty("Планы", "Планов нет.")] : plans.map { p in
                    ReportSection(title: "\(p.fullName) — \(p.position), \(p.schoolName)", blocks: [
                        .paragraph("Учебный год \(p.schoolYear), версия плана \(p.version). Табельный номер: \(p.staffID ?? "—")."),
                        .table(PlansCommand.itemsTable(p)),
                        .paragraph("Педагог: ____________________    Заместитель директора: ____________________"),
                    ])
                })
            switch format.lowercased() {
            case "html": try Output.write(Array(HTMLRenderer().render(report, pageBreakBetweenSections: true).utf8), to: output)
            case "md": try Output.write(Array(MarkdownRenderer().render(report).utf8), to: output)
            case "xlsx": try Output.write(try XLSXWriter().render(report), to: output ?? "plans.xlsx")
            case "csv":
                let rows = plans.flatMap { p in p.items.map { i in
                    [Cell(p.staffID), .text(p.fullName), .text(p.schoolCode), .text(p.schoolYear), .integer(p.version), .integer(Int(i.id)),
                     .text(i.kind.russian), Cell(i.topic), .text(i.description), Cell(i.deadline), Cell(i.expectedResult), .text(i.status.russian),
                     Cell(i.evidence)]
                } }
                let table = ReportTable(title: "", columns: [
                    Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО"),
                    Column("school_year", "Учебный год"), Column("version", "Версия"), Column("item", "№ пункта"), Column("kind", "Форма"),
                    Column("topic", "Тема"), Column("description", "Мероприятие"), Column("deadline", "Срок"),
                    Column("expected_result", "Ожидаемый результат"), Column("status", "Статус"), Column("evidence", "Подтверждение")], rows: rows)
                try Output.write(CSVRenderer().render(table), to: output)
            default:
                throw UserError("Неизвестный формат «\(format)»: укажите html, md, xlsx или csv.")
            }
        }
    }
}
