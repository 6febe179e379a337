import NastavnikCore
import NastavnikStore

/// Builds `staff show`'s card: the worker's fields, their trainings and their diagnostics.
public struct StaffCardBuilder: Sendable {
    /// The card with the rules in force applied.
    public var view: StaffCardView
    /// A pseudonymized database shows an age band, never the birth date.
    public var pseudonymize: Bool

    public init(view: StaffCardView, pseudonymize: Bool) {
        self.view = view
        self.pseudonymize = pseudonymize
    }

    /// The card titled «Карточка работника» with the trainings and diagnostics tables.
    public func card() -> Card {
        Card(
            title: "Карточка работника", fields: fields(),
            more: [("trainings", trainings()), ("diagnostics", diagnostics())])
    }

    /// The worker's fields, in the order shown.
    public func fields() -> [(String, String, Cell)] {
        let card = view.card
        let m = card.member
        let date = view.asOf
        return [
            ("staff_id", "Табельный номер", Cell(m.staffID)), ("full_name", "ФИО", .text(m.fullName)),
            ("school_code", "Код ОО", .text(m.schoolCode)), ("school_name", "Школа", .text(card.schoolName)),
            ("position", "Должность", .text(m.position)),
            ("position_kind", "Вид должности", .text(card.positionKind.russian)),
            ("post_since", "В должности с", Cell(m.postSince)), ("subjects", "Предметы", .list(m.subjects)),
            // A pseudonymized card shows an age band, never the birth date.
            pseudonymize
                ? ("age_band", "Возраст", Cell(PersonalData.ageBand(birth: m.birthDate, asOf: date)))
                : ("birth_date", "Дата рождения", Cell(m.birthDate)),
            // A pseudonymized database has no СНИЛС (its view hides it): the cell is empty.
            ("snils", "СНИЛС", Cell(m.snils?.formatted)),
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
    }

    /// «Повышение квалификации»: every training on the card.
    public func trainings() -> ReportTable {
        ReportTable(
            title: "Повышение квалификации",
            columns: [
                Column("course_code", "Код программы"), Column("title", "Программа"),
                Column("provider", "Организатор"),
                Column("hours", "Часы"), Column("start", "Начало"), Column("end", "Окончание"),
                Column("status", "Статус"), Column("certificate", "Удостоверение"),
            ],
            rows: view.card.trainings.map { t in
                [
                    Cell(t.courseCode), .text(t.title + (t.external ? " (вне каталога)" : "")), .text(t.provider),
                    t.hours.map { .number($0, decimals: 0) } ?? .empty, Cell(t.start), Cell(t.end),
                    .text(t.status.russian),
                    Cell(t.certificate),
                ]
            },
            emptyMessage: "Сведений о повышении квалификации нет.")
    }

    /// «Диагностика профессиональных дефицитов»: the scores by competence and the deficits found.
    public func diagnostics() -> ReportTable {
        ReportTable(
            title: "Диагностика профессиональных дефицитов",
            columns: [
                Column("date", "Дата"), Column("instrument", "Инструмент"), Column("subject", "Предметные"),
                Column("methodological", "Методические"), Column("psychological", "Психолого-педагогические"),
                Column("communicative", "Коммуникативные"), Column("deficits", "Дефициты"),
            ],
            rows: view.card.diagnostics.map { d in
                [.date(d.date), .text(d.instrument)]
                    + [Competence.subject, .methodological, .psychological, .communicative].map { c in
                        d.scores[c].map { .number($0, decimals: 1) } ?? .empty
                    } + [.list(d.deficits)]
            },
            emptyMessage: "Диагностику не проходил(а).")
    }
}
