import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports

struct RisksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risks",
        abstract: "Рисковые профили школ («500+», ФИОКО): 10 факторов риска с уровнями по годам.",
        discussion:
            "Профиль загружается командой nastavnik risks import ФАЙЛ (или nastavnik import risks ФАЙЛ), предлагается по данным Наставника (risks propose) и уточняется вручную (risks set). Пороги предложений — настройки risks.* (nastavnik settings list).",
        subcommands: [Import.self, Propose.self, SetLevel.self, List.self, Show.self]
    )

    /// The factor a user names, or the Russian error listing the ten.
    static func factor(_ text: String) throws -> RiskFactor {
        guard let factor = RiskFactor(userValue: text) else { throw UserError(RiskFactor.unknown(text)) }
        return factor
    }

    /// The level a user names, or the Russian error listing the three.
    static func level(_ text: String) throws -> RiskLevel {
        guard let level = RiskLevel(userValue: text) else { throw UserError(RiskLevel.unknown(text)) }
        return level
    }

    /// `risks import FILE`, the name for `import risks FILE`: the same import.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Загрузить рисковые профили, как их передаёт школа или регион (XLSX или CSV).",
            discussion: """
                То же, что nastavnik import risks ФАЙЛ. Длинный вид: Код ОО; Год; Фактор риска (номер или \
                название); Уровень риска; Комментарий. Широкий вид: Код ОО; Год и столбец на каждый фактор \
                (его название или «Риск 1» … «Риск 10») с уровнем. Загружается целиком или не загружается; \
                повторная загрузка того же файла ничего не меняет.
                """)

        @Argument(help: "Файл профиля.") var file: String
        @Flag(name: .long, help: "Только проверить: показать, что будет добавлено и изменено, ничего не записывая.")
        var dryRun = false
        @Option(name: .long, help: "Кодировка файла: utf-8 или cp1251 (по умолчанию определяется автоматически).")
        var inputEncoding: String?
        @Option(name: .long, help: "Разделитель: ';', ',' или tab (по умолчанию определяется автоматически).")
        var delimiter: String?
        @Option(name: .long, help: "Лист книги Excel: имя или номер с 1.") var sheet: String?
        @Option(name: .long, help: "Записать отклонённые строки с описанием ошибок в этот файл.") var rejects: String?
        @OptionGroup var output: OutputOptions<PrintFormat.ImportSummary>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            var options = try ImportCommand.options(encoding: inputEncoding, delimiter: delimiter)
            options.dryRun = dryRun
            options.rejectsPath = rejects
            options.sheet = sheet
            options.importedBy = database.actorName
            let outcome = try await database.app(.write).importFile(kind: .risks, path: file, options: options)
            try ImportCommand.show(outcome, format: output.chosen)
        }
    }

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "propose",
            abstract: "Предложить уровни факторов риска по данным Наставника, с цифрами-основаниями.",
            discussion:
                "Факторы 2 и 5 — по кадрам и курсам (3 года), 3 — по диагностике, 6 — по доле «2», 7, 8 и 10 — по социальному контексту, 9 — по доле обучающихся с ОВЗ. Факторы без данных не предлагаются. С --save предложения записываются как профиль (одной транзакцией); уровни, загруженные из файла или установленные вручную, сохраняются, если не указан --replace."
        )

        @Option(name: .long, help: "Год профиля (результаты и социальный контекст этого года).") var year: Int
        @OptionGroup var filter: SchoolFilter
        @Flag(name: .long, help: "Записать предложения как рисковый профиль.") var save = false
        @Flag(name: .long, help: "С --save: заменить и уровни, загруженные из файла или установленные вручную.")
        var replace = false
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let app = try database.app()
            let outcomes = try await app.proposeRisks(year: year, schoolCode: filter.school)
            try output.emit([RiskTables.proposals(outcomes)], json: RiskTables.proposalsJSON(outcomes))
            if output.chosen != .json, let note = RiskTables.notProposed(outcomes) { Console.current.err(note + "\n") }
            guard save else { return }
            let saved = try await app.saveRiskProposals(outcomes, year: year, replace: replace)
            Console.current.err(
                "Записано уровней: \(saved.written)"
                    + (saved.kept.isEmpty
                        ? ""
                        : "; сохранены загруженные или установленные вручную: \(saved.kept.count) (заменить: --replace)")
                    + ".\n")
        }
    }

    struct SetLevel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Установить уровень фактора риска школы вручную.")

        @Argument(help: "Код школы.") var school: String
        @Option(name: .long, help: "Год профиля.") var year: Int
        @Option(name: .long, help: "Фактор риска: номер от 1 до 10 или название.") var factor: String
        @Option(name: .long, help: "Уровень: высокий, средний или низкий.") var level: String
        @Option(name: .long, help: "Комментарий.") var note: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let factor = try RisksCommand.factor(factor)
            let level = try RisksCommand.level(level)
            let old = try await database.app().setRiskLevel(
                schoolCode: school, year: year, factor: factor, level: level, note: note)
            Console.current.out(
                "\(school), \(year), фактор \(factor.rawValue) «\(factor.russian)»: "
                    + (old.map { "«\($0.russian)» → " } ?? "") + "«\(level.russian)».\n")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Матрица рисковых профилей: школы × факторы с уровнями и число школ по факторам.")

        @Option(name: .long, help: "Только этот год.") var year: Int?
        @Option(name: .long, help: "Только школы, у которых есть фактор с этим уровнем (высокий, средний, низкий).")
        var level: String?
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let level = try level.map(RisksCommand.level)
            let lines = try await database.app().riskProfiles(year: year, level: level)
            try output.emit(keyed: [("matrix", RiskTables.matrix(lines)), ("factors", RiskTables.factorCounts(lines))])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Рисковый профиль школы: уровни, источник, основания и динамика по годам.")

        @Argument(help: "Код школы.") var school: String
        @Option(name: .long, help: "Год профиля; по умолчанию все годы.") var year: Int?
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let all = try await database.app().schoolRiskProfile(schoolCode: school)
            let shown = year.map { year in all.filter { $0.year == year } } ?? all
            try output.emit(keyed: [("profile", RiskTables.profile(shown)), ("dynamics", RiskTables.dynamics(all))])
        }
    }
}
