import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore

/// `nastavnik programmes`: the schools' anti-risk programmes (issue 21) and development documents.
struct ProgrammesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programmes",
        abstract: "Антирисковые программы школ (проект «500+»): черновик из каталога, импорт, мониторинг, документы.",
        discussion: """
            Антирисковая программа — дорожная карта школы, связанная с фактором риска: её сроки, отметки \
            (nastavnik roadmap mark), просрочки и календарь — те же, что у дорожной карты.
            Фактор риска (--factor) — номер от 1 до 10 или название.
            """,
        subcommands: [
            Draft.self, Import.self, List.self, Missing.self, Show.self, QuarterReport.self, RecordDocument.self,
            Documents.self,
        ]
    )

    /// «2026/27» → 1 September 2026 … 31 August 2027; the current school year without a value.
    static func schoolYear(_ text: String?, today: LocalDate = .today()) throws -> ClosedRange<LocalDate> {
        guard let text else {
            let first = today.month >= 9 ? today.year : today.year - 1
            return LocalDate(year: first, month: 9, day: 1)!...LocalDate(year: first + 1, month: 8, day: 31)!
        }
        guard text.contains("/"), let range = PeriodText.parse(text) else {
            throw UserError("--year: «\(text)» — не учебный год; укажите, например, 2026/27.")
        }
        return range.start...range.end
    }

    /// The factor `--factor` names (number or name), or the Russian error naming the option.
    static func factor(_ text: String) throws -> RiskFactor {
        guard let value = RiskFactor(userValue: text) else { throw UserError("--factor: " + RiskFactor.unknown(text)) }
        return value
    }

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft",
            abstract: "Черновик антирисковой программы школы по фактору риска из каталога типовых мер.",
            discussion: """
                DOCX — для чтения и утверждения; XLSX и CSV — для доработки школой: \
                такой файл читает nastavnik programmes import.
                """)

        @Argument(help: "Код ОО.") var school: String
        @Option(name: .long, help: "Фактор риска: номер от 1 до 10 или название.") var factor: String
        @Option(name: .long, help: "Учебный год, например 2026/27 (по умолчанию текущий).") var year: String?
        @Option(name: .long, help: "Файл: .docx, .xlsx или .csv.") var output: String
        @Option(name: .long, help: "Кодировка CSV: utf-8 (с BOM, по умолчанию) или cp1251.") var encoding: String?
        @Option(name: .long, help: "Каталог Seeds с каталогом мер (по умолчанию ./Seeds или рядом с программой).")
        var seeds: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let value = try ProgrammesCommand.factor(factor)
            let range = try ProgrammesCommand.schoolYear(year)
            let csvEncoding = try encoding.map { text in
                guard let value = CSVRenderer.Encoding(argument: text) else {
                    throw UserError("--encoding: неизвестная кодировка «\(text)»; укажите utf-8 или cp1251.")
                }
                return value
            }
            let catalogue = try NastavnikApp.programmeCatalogue(seeds: try DemoCommand.locateSeeds(seeds))
            let draft = try await database.app().draftProgramme(
                schoolCode: school, factor: value, schoolYear: range.lowerBound.year, catalogue: catalogue)
            switch (output as NSString).pathExtension.lowercased() {
            case "docx": try Output.write(try DOCXWriter().render(ProgrammeTables.document(draft)), to: output)
            case "xlsx":
                try Output.write(
                    try XLSXWriter().render(
                        sheets: [XLSXWriter.Sheet(name: "Программа", tables: [ProgrammeTables.file(draft)])],
                        title: "Антирисковая программа"),
                    to: output)
            case "csv":
                try Output.write(
                    CSVRenderer(encoding: csvEncoding ?? .utf8).render(ProgrammeTables.file(draft)), to: output)
            default:
                throw UserError("--output: «\(output)» — укажите файл .docx, .xlsx или .csv.")
            }
            Console.current.out(
                "Черновик программы по фактору \(value.rawValue) «\(value.russian)» для \(school) на \(draft.schoolYearText) учебный год: "
                    + "\(draft.measures.count) мер, файл «\(output)».\n")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Загрузить готовую антирисковую программу (XLSX или CSV в UTF-8 или Windows-1251).",
            discussion: """
                Столбцы: Код ОО; Фактор риска; Цель программы; Задача; № п/п; Мероприятие; Сроки; Ответственные; \
                Ожидаемый результат; Показатель (обязательны «Мероприятие» и «Сроки»). Школа и фактор — из \
                параметров или из столбцов. Загружается целиком или не загружается; повторная загрузка \
                обновляет программу, сохраняя отметки о выполнении.
                """)

        @Argument(help: "Файл программы.") var file: String
        @Option(name: .long, help: "Код ОО (если в файле нет столбца «Код ОО»).") var school: String?
        @Option(name: .long, help: "Фактор риска: номер или название (если в файле нет столбца «Фактор риска»).")
        var factor: String?
        @Option(name: .long, help: "Учебный год программы, например 2026/27 (по умолчанию — по срокам в файле).")
        var year: String?
        @Flag(name: .long, help: "Только проверить, ничего не записывая.") var dryRun = false
        @Option(name: .long, help: "Кодировка файла: utf-8 или cp1251 (по умолчанию определяется автоматически).")
        var inputEncoding: String?
        @Option(name: .long, help: "Разделитель: ';', ',' или tab (по умолчанию определяется автоматически).")
        var delimiter: String?
        @Option(name: .long, help: "Лист книги Excel: имя или номер с 1.") var sheet: String?
        @OptionGroup var output: OutputOptions<PrintFormat.ImportSummary>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let value = try factor.map(ProgrammesCommand.factor)
            let range = try year.map { try ProgrammesCommand.schoolYear($0) }
            var options = try ImportCommand.options(encoding: inputEncoding, delimiter: delimiter)
            options.dryRun = dryRun
            options.sheet = sheet
            options.importedBy = database.actorName
            let outcome = try await database.app(.write).importProgramme(
                path: file, schoolCode: school, factor: value, schoolYear: range, options: options)
            try ImportCommand.show(outcome, format: output.chosen)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Антирисковые программы: школа, фактор, число мер, выполнено и просрочено.")

        @Option(name: .long, help: "Только программы этой школы (код ОО).") var school: String?
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let list = try await database.app().programmes(schoolCode: school, asOf: asOf.date)
            try output.emit([ProgrammeTables.programmes(list)])
        }
    }

    struct Missing: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "missing",
            abstract:
                "Факторы с высоким уровнем в последнем рисковом профиле школы, для которых нет действующей антирисковой программы."
        )

        @Option(name: .long, help: "Только эта школа (код ОО).") var school: String?
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let gaps = try await database.app().programmeGaps(schoolCode: school, asOf: asOf.date)
            try output.emit([ProgrammeTables.gaps(gaps)])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Программы школы: цель, меры со сроками и статусами, документы развития, поддержка по факторам.")

        @Argument(help: "Код ОО.") var school: String
        @Option(name: .long, help: "Только программа по этому фактору (номер или название).") var factor: String?
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let value = try factor.map(ProgrammesCommand.factor)
            let app = try database.app()
            let programmes = try await app.programmeMeasures(schoolCode: school, factor: value, asOf: asOf.date)
            let documents = try await app.schoolDocuments(schoolCode: school)
            let support = try await app.programmeSupport(schoolCode: school)
            var tables: [(String, ReportTable)] = []
            for (index, item) in programmes.enumerated() {
                let p = item.programme
                tables.append(
                    (
                        "programme_\(index + 1)",
                        ReportTable(
                            title: "Программа по фактору \(p.factor.rawValue) «\(p.factor.russian)»",
                            columns: [Column("field", "Поле"), Column("value", "Значение")],
                            rows: [
                                [.text("Школа"), .text("\(p.schoolName) (\(p.schoolCode))")],
                                [.text("Идентификатор (roadmap --roadmap)"), .text(p.key)],
                                [.text("Цель"), Cell(p.goal)],
                                [
                                    .text("Период"),
                                    .text(
                                        [p.periodStart?.russian, p.periodEnd?.russian].compactMap { $0 }.joined(
                                            separator: " — ")),
                                ],
                            ])
                    ))
                tables.append(("measures_\(index + 1)", ProgrammeTables.measures(item.occurrences, title: "Меры")))
                tables.append(
                    (
                        "support_\(index + 1)",
                        ProgrammeTables.support(
                            factor: p.factor, pairings: support.pairings, plans: support.plans,
                            settings: support.settings)
                    ))
            }
            if programmes.isEmpty {
                tables.append(
                    (
                        "programmes",
                        ReportTable(
                            title: "Антирисковые программы", columns: [Column("note", "")],
                            emptyMessage: value.map { "У школы \(school) нет программы по фактору \($0.rawValue)." }
                                ?? "У школы \(school) нет антирисковых программ.")
                    ))
            }
            tables.append(("documents", ProgrammeTables.documents(documents)))
            try output.emit(keyed: tables)
        }
    }

    struct QuarterReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Мониторинг мер всех антирисковых программ за период: по школам и факторам, выполнено, просрочено, предстоит."
        )

        @Option(name: .long, help: "Период: 2026Q4, «IV квартал 2026», 2026 или 01.10.2026-31.12.2026.") var period:
            String
        @OptionGroup var output: OutputOptions<PrintFormat.RoadmapReport>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let range = try RoadmapCommand.QuarterReport.range(period)
            let report = try await database.app().programmeReport(period: range, periodText: period)
            try output.write(report, defaultName: "programmes-\(range.lowerBound.iso)")
        }
    }

    struct RecordDocument: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "document",
            abstract: "Внести документ развития школы: концепцию развития или среднесрочную программу развития.")

        @Argument(help: "Код ОО.") var school: String
        @Option(name: .long, help: "Вид: концепция или программа (среднесрочная программа развития).") var kind: String
        @Option(name: .long, help: "Название документа.") var title: String
        @Option(name: .long, help: "Дата утверждения (ДД.ММ.ГГГГ).") var date: LocalDate
        @Option(name: .long, help: "Номер приказа об утверждении.") var number: String?
        @Option(name: .long, help: "Период действия, например 2025-2030.") var period: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let value = SchoolDocumentKind(userValue: kind) else {
                throw UserError("--kind: «\(kind)» — укажите «концепция» или «программа».")
            }
            let trimmed = title.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw UserError("--title: название документа не заполнено.") }
            var years: (Int, Int)?
            if let period {
                guard let range = PeriodText.parse(period), !period.contains("/") else {
                    throw UserError("--period: «\(period)» — укажите годы, например 2025-2030.")
                }
                years = (range.start.year, range.end.year)
            }
            let outcome = try await database.app(.write).recordSchoolDocument(
                SchoolDocumentLine(
                    schoolCode: school, kind: value, title: trimmed, number: number, approvedOn: date,
                    periodStart: years?.0, periodEnd: years?.1))
            let verb =
                switch outcome {
                case .added: "внесена"
                case .changed: "обновлена"
                case .unchanged: "уже внесена, без изменений"
                }
            Console.current.out("Школа \(school): \(value.russian) «\(trimmed)» от \(date.russian) — запись \(verb).\n")
        }
    }

    struct Documents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "documents",
            abstract: "Концепции развития и среднесрочные программы развития школ.")

        @Argument(help: "Код ОО (по умолчанию все школы).") var school: String?
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try output.emit([ProgrammeTables.documents(try await database.app().schoolDocuments(schoolCode: school))])
        }
    }
}
