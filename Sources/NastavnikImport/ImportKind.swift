import NastavnikCore

/// The kinds of file Nastavnik imports (see the import contract).
public enum ImportKind: String, CaseIterable, Sendable, Codable {
    case schools, staff, diagnostics, courses, trainings, results, social, roadmap, curators, mentoring, observations
    /// The register of issued certificates in the ФИС ФРДО upload template for ДПО.
    case frdo
    /// A school's «500+» risk profile: a level per school, year and factor (issue 21).
    case risks

    public var russianTitle: String {
        switch self {
        case .schools: "образовательные организации"
        case .staff: "педагогические и руководящие работники"
        case .diagnostics: "диагностика профессиональных дефицитов"
        case .courses: "программы повышения квалификации"
        case .trainings: "прохождение курсов повышения квалификации"
        case .results: "результаты оценочных процедур"
        case .social: "социальный контекст ОО"
        case .roadmap: "дорожная карта"
        case .curators: "закрепление школ-кураторов"
        case .mentoring: "наставнические пары"
        case .observations: "посещённые уроки"
        case .frdo: "реестр удостоверений ДПО (шаблон ФИС ФРДО)"
        case .risks: "рисковый профиль школы («500+»)"
        }
    }

    static let staffReference: [ColumnSpec] = [
        ColumnSpec("staff_id", ["Табельный номер", "ID педагога", "Идентификатор"]),
        ColumnSpec("full_name", ["ФИО", "Фамилия Имя Отчество", "Фамилия, имя, отчество", "Ф.И.О."]),
        ColumnSpec("school_code", ["Код ОО"]),
    ]

    /// The columns of this kind, in the order `template` prints them.
    public var columns: [ColumnSpec] {
        switch self {
        case .schools:
            return [
                ColumnSpec("code", ["Код ОО", "Код"], required: true),
                ColumnSpec(
                    "name", ["Наименование ОО", "Наименование", "Образовательная организация", "ОО", "Школа"],
                    required: true),
                ColumnSpec("municipality", ["Муниципалитет", "Муниципальное образование", "МО", "Район"]),
                ColumnSpec("kind", ["Тип ОО", "Тип"]),
                ColumnSpec("status", ["Статус"]),
                ColumnSpec("internship_site", ["Стажировочная площадка"]),
                ColumnSpec("students", ["Численность обучающихся", "Обучающихся"]),
                ColumnSpec("latitude", ["Широта"]),
                ColumnSpec("longitude", ["Долгота"]),
                ColumnSpec("address", ["Адрес"]),
                ColumnSpec("head", ["Директор", "Руководитель"]),
            ]
        case .staff:
            return [
                ColumnSpec("staff_id", ["Табельный номер", "ID педагога", "Идентификатор"]),
                ColumnSpec(
                    "full_name", ["ФИО", "Фамилия Имя Отчество", "Фамилия, имя, отчество", "Ф.И.О."], required: true),
                ColumnSpec("school_code", ["Код ОО"], required: true),
                ColumnSpec("position", ["Должность"], required: true),
                ColumnSpec("subjects", ["Предметы", "Предмет", "Преподаваемые предметы"]),
                ColumnSpec("birth_date", ["Дата рождения"]),
                ColumnSpec("teaching_since", ["Дата начала педагогической деятельности", "Педстаж с"]),
                ColumnSpec("experience_years", ["Педстаж", "Педагогический стаж (лет)", "Педстаж, лет"]),
                ColumnSpec("category", ["Квалификационная категория", "Категория"]),
                ColumnSpec("category_date", ["Дата аттестации"]),
                ColumnSpec("email", ["E-mail", "Эл. почта"]),
                ColumnSpec("phone", ["Телефон"]),
                ColumnSpec(
                    "post_since", ["Дата назначения на должность", "В должности с", "Дата приёма на должность"]),
                ColumnSpec("snils", ["СНИЛС", "Страховой номер", "Номер СНИЛС"]),
            ]
        case .diagnostics:
            return Self.staffReference + [
                ColumnSpec("date", ["Дата диагностики", "Дата"], required: true),
                ColumnSpec("instrument", ["Инструмент", "Диагностика"]),
                ColumnSpec("subject_score", ["Предметные компетенции", "Предметные (балл)"]),
                ColumnSpec("methodological_score", ["Методические компетенции", "Методические (балл)"]),
                ColumnSpec("psych_score", ["Психолого-педагогические компетенции"]),
                ColumnSpec("communicative_score", ["Коммуникативные компетенции"]),
                ColumnSpec("deficits", ["Дефициты", "Выявленные дефициты", "Затруднения"]),
                ColumnSpec("consent", ["Согласие", "Согласие на диагностику"]),
            ]
        case .courses:
            return [
                ColumnSpec("code", ["Код программы", "Код"]),
                ColumnSpec("title", ["Наименование программы", "Программа", "Название курса"], required: true),
                ColumnSpec("provider", ["Организатор", "Учреждение ДПО"], required: true),
                ColumnSpec("hours", ["Объём (часов)", "Часы", "Количество часов"], required: true),
                ColumnSpec("format", ["Форма обучения", "Формат"]),
                ColumnSpec("topics", ["Темы", "Компетенции", "Направленность"]),
                ColumnSpec("subjects", ["Предметы"]),
                ColumnSpec("start", ["Дата начала"]),
                ColumnSpec("end", ["Дата окончания"]),
                ColumnSpec("seats", ["Количество мест"]),
            ]
        case .trainings:
            return Self.staffReference + [
                ColumnSpec("course", ["Код программы", "Наименование программы", "Программа"], required: true),
                ColumnSpec("provider", ["Организатор"]),
                ColumnSpec("hours", ["Часы", "Объём (часов)"]),
                ColumnSpec("start", ["Дата начала"]),
                ColumnSpec("end", ["Дата окончания"]),
                ColumnSpec("status", ["Статус"]),
                ColumnSpec("certificate", ["Номер удостоверения", "Удостоверение"]),
            ]
        case .results:
            return [
                ColumnSpec("school_code", ["Код ОО"], required: true),
                ColumnSpec("year", ["Год"], required: true),
                ColumnSpec("assessment", ["Процедура", "Оценочная процедура"], required: true),
                ColumnSpec("subject", ["Предмет"], required: true),
                ColumnSpec("grade", ["Класс"]),
                ColumnSpec("participants", ["Участников", "Количество участников"]),
                ColumnSpec("mean_score", ["Средний балл"], required: true),
                ColumnSpec("region_mean", ["Средний балл по региону"]),
                ColumnSpec("share_fail", ["Доля «2»", "Доля неудовлетворительных"]),
                ColumnSpec("share_top", ["Доля «5»"]),
                // Counts of each grade and of ЕГЭ scores above 70 (issue #21: the target indicators
                // of Заиграевский 1.2, 2.1–2.3 count participants, not shares).
                ColumnSpec("count_2", ["Получили «2»", "Количество «2»", "Кол-во «2»"]),
                ColumnSpec("count_3", ["Получили «3»", "Количество «3»", "Кол-во «3»"]),
                ColumnSpec("count_4", ["Получили «4»", "Количество «4»", "Кол-во «4»"]),
                ColumnSpec("count_5", ["Получили «5»", "Количество «5»", "Кол-во «5»"]),
                ColumnSpec("above_70", ["Набрали более 70 баллов", "Более 70 баллов"]),
            ]
        case .social:
            return [
                ColumnSpec("school_code", ["Код ОО"], required: true),
                ColumnSpec("year", ["Год"], required: true),
                ColumnSpec("hardship_share", ["Доля обучающихся из семей в ТЖС"]),
                ColumnSpec("non_native_share", ["Доля обучающихся, для которых русский язык не родной"]),
                ColumnSpec("registered_share", ["Доля обучающихся, состоящих на учёте"]),
                ColumnSpec(
                    "higher_ed_parent_share",
                    ["Доля обучающихся, у которых хотя бы один родитель с высшим образованием"]),
                ColumnSpec("single_parent_share", ["Доля обучающихся из неполных семей"]),
                // Counts for Заиграевский 1.1, 1.3, 1.4 (ОО-1).
                ColumnSpec("pupils", ["Обучающихся", "Численность обучающихся"]),
                ColumnSpec("ovz_pupils", ["Обучающихся с ОВЗ и детей-инвалидов", "Обучающихся с ОВЗ"]),
                ColumnSpec("ovz_adapted", ["Из них обучаются по адаптированным программам"]),
                ColumnSpec("repeaters", ["Оставлены на повторное обучение"]),
                ColumnSpec("leavers_9", ["Выпускников 9 классов"]),
                ColumnSpec("certificates_9", ["Получили аттестат об основном общем образовании"]),
                ColumnSpec("leavers_11", ["Выпускников 11 классов"]),
                ColumnSpec("certificates_11", ["Получили аттестат о среднем общем образовании"]),
                // Vacant pedagogical positions, in ставки to one decimal («500+» factor 2, issue 21).
                ColumnSpec(
                    "vacancies",
                    [
                        "Вакансий педагогов", "Количество вакансий", "Вакансии (педагогические ставки)",
                        "Вакантных педагогических ставок",
                    ]),
            ]
        case .roadmap:
            return [
                ColumnSpec("number", ["№ п/п", "№"]),
                ColumnSpec("direction", ["Направление", "Раздел", "Задача"]),
                ColumnSpec("activity", ["Мероприятие", "Мероприятия", "Наименование мероприятия"], required: true),
                ColumnSpec("term", ["Сроки", "Срок", "Сроки исполнения", "Сроки реализации"], required: true),
                ColumnSpec("responsible", ["Ответственные", "Ответственный исполнитель", "Ответственные исполнители"]),
                ColumnSpec(
                    "result",
                    ["Планируемый результат", "Результат", "Документы, закрепляющие результат", "Ожидаемый результат"]),
                ColumnSpec("school_code", ["Код ОО"]),
                // An anti-risk programme's own columns (issue 21).
                ColumnSpec("indicator", ["Показатель", "Индикатор", "Показатель результативности"]),
                ColumnSpec("risk_factor", ["Фактор риска"]),
                ColumnSpec("goal", ["Цель программы"]),
            ]
        case .curators:
            return [
                ColumnSpec("school_code", ["Код ОО", "Код курируемой ОО"], required: true),
                ColumnSpec("curator_school_code", ["Код школы-куратора"], required: true),
                ColumnSpec("curator_name", ["Куратор"]),
                ColumnSpec("coordinator", ["Муниципальный координатор"]),
                ColumnSpec("since", ["Дата назначения"]),
                ColumnSpec("order_ref", ["Приказ"]),
            ]
        case .observations:
            return Self.staffReference + [
                ColumnSpec("date", ["Дата посещения", "Дата урока", "Дата"], required: true),
                ColumnSpec("observer", ["Наблюдатель", "Посетил", "Кто посещал", "Эксперт"], required: true),
                ColumnSpec("observer_role", ["Должность наблюдателя", "Роль наблюдателя"]),
                ColumnSpec("class_name", ["Класс"]),
                ColumnSpec("subject", ["Предмет"]),
                ColumnSpec("focus", ["Цель посещения", "Фокус наблюдения", "Тема урока"]),
                ColumnSpec("scores", ["Оценки по критериям", "Критерии", "Баллы"]),
                ColumnSpec("deficits", ["Выявленные дефициты", "Дефициты", "Затруднения"]),
                ColumnSpec("note", ["Рекомендации", "Примечание"]),
            ]
        case .frdo:
            return Self.frdoColumns
        case .risks:
            return RiskColumns.columns
        case .mentoring:
            return [
                ColumnSpec("mentor", ["Наставник"], required: true),
                ColumnSpec("mentor_school_code", ["Код ОО наставника"]),
                ColumnSpec("mentee", ["Наставляемый"], required: true),
                ColumnSpec("mentee_school_code", ["Код ОО наставляемого"]),
                ColumnSpec("form", ["Форма наставничества"]),
                ColumnSpec("start", ["Дата начала"]),
                ColumnSpec("end", ["Дата окончания"]),
                ColumnSpec("goal", ["Цель"]),
                // ТК РФ, ст. 351.8: mentoring with the mentor's written consent.
                ColumnSpec(
                    "consent_date", ["Дата согласия наставника", "Дата согласия", "Согласие наставника", "Согласие"]),
            ]
        }
    }

    /// The ФИС ФРДО upload template for ДПО (sheet «Шаблон»): the columns read, then the
    /// template's other columns, accepted and left aside. Template versions spell the headers
    /// differently (quotes, spaces, ё): `normalizeHeader` evens them out.
    static let frdoColumns: [ColumnSpec] = [
        ColumnSpec("document_kind", ["Вид документа"]),
        ColumnSpec("document_status", ["Статус документа"]),
        ColumnSpec("series", ["Серия документа"]),
        ColumnSpec("number", ["Номер документа"], required: true),
        ColumnSpec("issued", ["Дата выдачи документа"], required: true),
        ColumnSpec("registration_number", ["Регистрационный номер"]),
        ColumnSpec(
            "program_kind",
            ["Дополнительная профессиональная программа (повышение квалификации/профессиональная переподготовка)"]),
        ColumnSpec("program_title", ["Наименование дополнительной профессиональной программы"], required: true),
        ColumnSpec("start_year", ["Год начала обучения"]),
        ColumnSpec("end_year", ["Год окончания обучения"]),
        ColumnSpec("hours", ["Срок обучения, часов", "Срок обучения (часов)"], required: true),
        ColumnSpec("surname", ["Фамилия получателя"], required: true),
        ColumnSpec("given_name", ["Имя получателя"], required: true),
        ColumnSpec("patronymic", ["Отчество получателя"]),
        ColumnSpec("birth_date", ["Дата рождения получателя"]),
        ColumnSpec("sex", ["Пол получателя"]),
        ColumnSpec("snils", ["СНИЛС", "СНИЛС получателя"]),
        ColumnSpec("study_form", ["Форма обучения"]),
        ColumnSpec("funding", ["Источник финансирования обучения"]),
        // The rest of the template: not read.
        ColumnSpec("document_title", ["Название документа"]),
        ColumnSpec("loss_confirmed", ["Подтверждение утраты"]),
        ColumnSpec("exchange_confirmed", ["Подтверждение обмена"]),
        ColumnSpec("destruction_confirmed", ["Подтверждение уничтожения"]),
        ColumnSpec("field", ["Наименование области профессиональной деятельности"]),
        ColumnSpec(
            "qualification", ["Наименование квалификации, профессии, специальности", "Наименование квалификации"]),
        ColumnSpec("prior_level", ["Уровень образования ВО/СПО"]),
        ColumnSpec(
            "prior_surname", ["Фамилия, указанная в дипломе о ВО или СПО", "Фамилия указанная в дипломе о ВО или СПО"]),
        ColumnSpec("prior_series", ["Серия диплома о ВО или СПО"]),
        ColumnSpec("prior_number", ["Номер диплома о ВО или СПО"]),
        ColumnSpec("citizenship", ["Гражданство получателя (код страны по ОКСМ)", "Гражданство получателя"]),
    ]

    /// Whether rows are named people: such a file needs `staff_id`, or `full_name` with `school_code`.
    var refersToStaff: Bool { self == .diagnostics || self == .trainings || self == .observations }

    /// Whether a row holding only its first or second cell is a section row.
    var allowsSectionRows: Bool { self == .roadmap }

    /// Normalises a header as the contract says: trimmed, case-folded, `ё`→`е`, inner spaces
    /// (no-break ones too) collapsed, quotes dropped, a trailing `:` or `*` dropped.
    public static func normalizeHeader(_ header: String) -> String {
        // Quotes of any kind go, and spaces after a slash («повышение квалификации/ профессиональная
        // переподготовка»): template versions differ in them (ФИС ФРДО).
        var s = CellValue.fold(
            String(header.unicodeScalars.filter { !Self.quotes.contains($0) }.map(Character.init))
        ).replacingOccurrences(of: "/ ", with: "/").replacingOccurrences(of: " /", with: "/")
        while let last = s.last, last == ":" || last == "*" || last == " " { s.removeLast() }
        return s
    }

    private static let quotes: Set<Unicode.Scalar> = ["\"", "'", "«", "»", "„", "“", "”", "‘", "’"]

    /// Maps each normalised header and English key to its column key.
    var headerIndex: [String: String] {
        var index: [String: String] = [:]
        for column in columns {
            index[Self.normalizeHeader(column.key)] = column.key
            for header in column.headers {
                let normalized = Self.normalizeHeader(header)
                if index[normalized] == nil { index[normalized] = column.key }
            }
        }
        return index
    }
}
