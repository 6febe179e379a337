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

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Список работников.")

        @Option(name: .long, help: "Только работники школы с этим кодом.") var school: String?
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let lines = try await database.app().staffList(schoolCode: school, asOf: asOf.date)
            let table = ReportTable(
                title: "",
                columns: [
                    Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО"),
                    Column("position", "Должность"), Column("position_kind", "Вид должности"),
                    Column("subjects", "Предметы"),
                    Column("category", "Категория"), Column("experience_years", "Педстаж"),
                    Column("early_career", "Молодой специалист"),
                    Column("last_training_end", "Последние КПК"), Column("trained_within_3_years", "КПК за 3 года"),
                ],
                rows: lines.map { listing in
                    let s = listing.line
                    return [
                        Cell(s.staffID), .text(s.fullName), .text(s.schoolCode), .text(s.position),
                        .text(s.positionKind.russian), .list(s.subjects),
                        Cell(s.category?.russian), s.experience.map { .number($0, decimals: 0) } ?? .empty,
                        .bool(s.earlyCareer), Cell(s.lastTrainingEnd),
                        .bool(listing.trainedWithinThreeYears),
                    ]
                },
                emptyMessage: "Работников нет.")
            try output.emit([table])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Карточка работника: школа, должность, предметы, стаж, категория, обучение, диагностика.")

        @Argument(help: "Табельный номер (или ФИО, если оно однозначно).") var id: String
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let date = asOf.date
            let view = try await database.app().staffCard(id: id, asOf: date)
            let card = view.card
            let m = card.member
            let fields: [(String, String, Cell)] = [
                ("staff_id", "Табельный номер", Cell(m.staffID)), ("full_name", "ФИО", .text(m.fullName)),
                ("school_code", "Код ОО", .text(m.schoolCode)), ("school_name", "Школа", .text(card.schoolName)),
                ("position", "Должность", .text(m.position)),
                ("position_kind", "Вид должности", .text(card.positionKind.russian)),
                ("post_since", "В должности с", Cell(m.postSince)), ("subjects", "Предметы", .list(m.subjects)),
                // A pseudonymized card shows an age band, never the birth date.
                database.location.pseudonymize
                    ? ("age_band", "Возраст", Cell(PersonalData.ageBand(birth: m.birthDate, asOf: date)))
                    : ("birth_date", "Дата рождения", Cell(m.birthDate)),
                ("teaching_since", "Начало педагогической деятельности", Cell(m.teachingSince)),
                (
                    "experience_years", "Педстаж (лет)",
                    m.experience(asOf: date).map { .number($0, decimals: 0) } ?? .empty
                ),
                ("early_career", "Молодой специалист", .bool(view.earlyCareer)),
                ("category", "Квалификационная категория", Cell(m.category?.russian)),
                ("category_date", "Дата аттестации", Cell(m.categoryDate)),
                ("email", "E-mail", Cell(m.email)), ("phone", "Телефон", Cell(m.phone)),
                (
                    "last_training_end", "Окончание последних КПК (от \(Setting.format(view.rule.minimumHours)) ч)",
                    Cell(view.lastCountingTraining)
                ),
                ("compliant", "КПК в течение 3 лет", .bool(view.compliant)),
                ("due_by", "Срок следующих КПК", Cell(view.dueBy)),
                ("mentors", "Наставники", .list(card.mentors)), ("mentees", "Наставляемые", .list(card.mentees)),
            ]
            let trainings = ReportTable(
                title: "Повышение квалификации",
                columns: [
                    Column("course_code", "Код программы"), Column("title", "Программа"),
                    Column("provider", "Организатор"),
                    Column("hours", "Часы"), Column("start", "Начало"), Column("end", "Окончание"),
                    Column("status", "Статус"), Column("certificate", "Удостоверение"),
                ],
                rows: card.trainings.map { t in
                    [
                        Cell(t.courseCode), .text(t.title + (t.external ? " (вне каталога)" : "")), .text(t.provider),
                        t.hours.map { .number($0, decimals: 0) } ?? .empty, Cell(t.start), Cell(t.end),
                        .text(t.status.russian),
                        Cell(t.certificate),
                    ]
                },
                emptyMessage: "Сведений о повышении квалификации нет.")
            let diagnostics = ReportTable(
                title: "Диагностика профессиональных дефицитов",
                columns: [
                    Column("date", "Дата"), Column("instrument", "Инструмент"), Column("subject", "Предметные"),
                    Column("methodological", "Методические"), Column("psychological", "Психолого-педагогические"),
                    Column("communicative", "Коммуникативные"), Column("deficits", "Дефициты"),
                ],
                rows: card.diagnostics.map { d in
                    [.date(d.date), .text(d.instrument)]
                        + [Competence.subject, .methodological, .psychological, .communicative].map { c in
                            d.scores[c].map { .number($0, decimals: 1) } ?? .empty
                        } + [.list(d.deficits)]
                },
                emptyMessage: "Диагностику не проходил(а).")
            try output.emitCard(
                fields, title: "Карточка работника", more: [("trainings", trainings), ("diagnostics", diagnostics)])
        }
    }

    struct Positions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
            if let kind, PositionKind(userValue: kind) == nil {
                throw ValidationError(
                    "Неизвестный вид «\(kind)» в --kind: укажите педагогический, руководящий или прочий.")
            }
        }

        func run() async throws {
            let kind = kind.flatMap(PositionKind.init(userValue:))
            let (changed, lines) = try await database.app().positions(setting: set, to: kind)
            if let set, let kind, let changed {
                Console.current.err(
                    "Должность «\(set.trimmingCharacters(in: .whitespaces))» отнесена к виду «\(kind.russian)»; изменено записей: \(changed).\n"
                )
            }
            try output.emit([
                ReportTable(
                    title: "",
                    columns: [
                        Column("position", "Должность"), Column("kind", "Вид"), Column("count", "Работников"),
                        Column("source", "Основание"),
                    ],
                    rows: lines.map { line in
                        [
                            .text(line.title), .text(line.kind.russian), .integer(line.count),
                            .text(
                                line.overridden
                                    ? "исправлено вручную"
                                    : line.known ? "по списку должностей" : "нет в списке — проверьте"),
                        ]
                    },
                    emptyMessage: "Работников нет.")
            ])
        }
    }

    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
