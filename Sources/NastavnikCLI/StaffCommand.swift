import ArgumentParser
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Педагогические и руководящие работники: список и карточка.",
        subcommands: [List.self, Show.self, Positions.self, Forget.self]
    )

    /// Refuses a position kind (`--kind`) that is none of the three.
    static func checkKind(_ kind: String?) throws {
        if let kind, PositionKind(userValue: kind) == nil {
            throw ValidationError(
                "Неизвестный вид «\(kind)» в --kind: укажите педагогический, руководящий или прочий.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список работников.")

        @Option(name: .long, help: "Только работники школы с этим кодом.") var school: String?
        @Option(
            name: .long,
            help:
                "Поиск: начало любого слова ФИО (регистр и «ё» не важны), табельный номер или СНИЛС (с разделителями или без)."
        )
        var search: String?
        @Flag(name: .long, help: "Только те, у кого истёк срок КПК (раз в 3 года) на дату --as-of.") var overdue = false
        @Option(name: .long, help: "Только те, у кого последняя диагностика выявила этот дефицит (тему).") var deficit:
            String?
        @Flag(name: .long, help: "Только молодые специалисты (по правилу из настроек).") var earlyCareer = false
        @Option(name: .long, help: "Только этот вид должности: педагогический, руководящий или прочий.") var kind:
            String?
        @Flag(name: .long, help: "По ФИО во всех школах, а не по коду школы и ФИО.") var byName = false
        @Option(name: .long, help: "Номер страницы (с 1).") var page: Int?
        @Option(
            name: .long,
            help:
                "Строк на странице: от 1 до \(StaffQuery.maximumPageSize), по умолчанию \(StaffQuery.defaultPageSize).")
        var pageSize: Int?
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        /// Whether an option of the staff search is given: without one the list stays as it was.
        var searching: Bool {
            search != nil || overdue || deficit != nil || earlyCareer || kind != nil || byName || page != nil
                || pageSize != nil
        }

        func validate() throws {
            try StaffCommand.checkKind(kind)
            let query = StaffQuery(page: page ?? 1, pageSize: pageSize ?? StaffQuery.defaultPageSize)
            if let problem = query.problem { throw ValidationError(problem) }
        }

        func run() async throws {
            if searching {
                let query = StaffQuery(
                    text: search, schoolCode: school, overdue: overdue, deficit: deficit, earlyCareer: earlyCareer,
                    kind: kind.flatMap(PositionKind.init(userValue:)), order: byName ? .name : .schoolAndName,
                    page: page ?? 1, pageSize: pageSize ?? StaffQuery.defaultPageSize)
                try output.emit([
                    StaffTables.page(try await database.app().staffPage(query: query, asOf: asOf.date))
                ])
                return
            }
            let lines = try await database.app().staffList(schoolCode: school, asOf: asOf.date)
            let table = StaffTables.list(lines)
            try output.emit([table])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Карточка работника: школа, должность, предметы, стаж, категория, обучение, диагностика.")

        @Argument(help: "Табельный номер (или ФИО, если оно однозначно).") var id: String
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let view = try await database.app().staffCard(id: id, asOf: asOf.date)
            try output.emit(StaffCardBuilder(view: view, pseudonymize: database.location.pseudonymize).card())
        }
    }

    struct Positions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "positions",
            abstract:
                "Должности: вид каждой (педагогический, руководящий, прочий персонал) и число работников; исправление вида.",
            discussion: """
                Вид определяется по номенклатуре должностей (постановление Правительства РФ от 21.02.2022 № 225): педагогические \
                работники — раздел I (учитель, педагог-психолог, воспитатель, тьютор…), руководящие — раздел II (директор, \
                заместитель директора, руководитель структурного подразделения, заведующий филиалом; не заместитель по АХЧ \
                и не заведующий хозяйством). Прочий персонал (бухгалтер, лаборант, секретарь…) не входит ни в одно правило о \
                работниках. --set "ДОЛЖНОСТЬ" --kind ВИД сохраняет исправление, применяет его ко всем работникам с этой должностью \
                и ко всем следующим импортам.
                """)

        @Option(name: .long, help: "Должность, вид которой исправить (как в файле; регистр и «ё» не важны).") var set:
            String?
        @Option(
            name: .long, help: "Вид для --set: педагогический, руководящий или прочий (pedagogical, leading, other).")
        var kind: String?
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if set != nil, kind == nil {
                throw ValidationError("Для --set укажите --kind: педагогический, руководящий или прочий.")
            }
            if set == nil, kind != nil { throw ValidationError("--kind задаётся вместе с --set \"ДОЛЖНОСТЬ\".") }
            try StaffCommand.checkKind(kind)
        }

        func run() async throws {
            let kind = kind.flatMap(PositionKind.init(userValue:))
            let (changed, lines) = try await database.app().positions(setting: set, to: kind)
            if let set, let kind, let changed {
                Console.current.err(
                    "Должность «\(set.trimmingCharacters(in: .whitespaces))» отнесена к виду «\(kind.russian)»; изменено записей: \(changed).\n"
                )
            }
            try output.emit([StaffTables.positions(lines)])
        }
    }

    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget",
            abstract:
                "Удалить персональные данные работника (152-ФЗ): ФИО, дату рождения, почту и телефон; итоги и показатели не меняются."
        )

        @Argument(help: "Табельный номер (или ФИО, если его носит один работник).") var id: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.app().forgetStaff(id, on: .today())
            Console.current.out(
                "Персональные данные работника \(id) удалены. Отметка об удалении (без табельного номера и ФИО) — в «\(NastavnikDatabase.erasureRegisterPath(for: database.path))»: restore не вернёт эти сведения из старой копии.\n"
            )
        }
    }
}
