import Foundation
import NastavnikCore
import NastavnikImport
import NastavnikStore

/// How the audit log names the database's tables, columns and stored values to a department:
/// «Категория: первая → высшая», not `category: first → highest`. The one place for these
/// names; the JSON output keeps the stored keys for programs. A column or an enumerated value
/// without a Russian name here is found by `AuditVocabularyTests`, which reads the schema.
public enum AuditVocabulary {
    /// Russian names of the tables.
    public static let tables: [String: String] = [
        "school": "Школы", "school_status": "Статусы школ", "staff": "Работники",
        "diagnostic_campaign": "Диагностики", "competence_threshold": "Пороги компетенций",
        "diagnostic_result": "Результаты диагностики", "deficit": "Дефициты", "lesson_observation": "Посещённые уроки",
        "course": "Курсы", "training": "Обучение (КПК)", "assessment_result": "Результаты оценочных процедур",
        "social_context": "Социальный контекст", "roadmap": "Дорожные карты",
        "roadmap_direction": "Направления дорожных карт",
        "activity": "Мероприятия", "activity_responsible": "Ответственные", "activity_occurrence": "Сроки мероприятий",
        "occurrence_status_change": "Отметки о выполнении", "curator_pairing": "Кураторские пары",
        "mentorship": "Наставничество", "mentoring_meeting": "Встречи наставников",
        "event": "Мероприятия для педагогов",
        "event_presenter": "Выступающие", "event_participant": "Участники", "development_plan": "Планы развития (ИОМ)",
        "plan_item": "Пункты планов",
        "setting": "Настройки", "import_log": "Журнал импорта", "database": "База данных",
        "position_kind_override": "Исправленные виды должностей",
        "user": "Учётные записи", "web_session": "Сеансы веб-интерфейса",
        "evidence_file": "Файлы документов-оснований",
        "risk_programme": "Антирисковые программы", "school_document": "Документы развития школ",
        // The staff page's search tables (v11): a copy, never in the log, named for completeness.
        "staff_search": "Поиск работников", "staff_search_word": "Поиск работников: слова ФИО",
        "staff_search_deficit": "Поиск работников: дефициты", "staff_search_school": "Поиск работников: школы",
        "staff_search_due": "Поиск работников: сроки КПК", "staff_search_state": "Поиск работников: состояние",
        "staff_search_word_count": "Поиск работников: частота слов ФИО",
        // Target indicators (v21).
        "target_indicator": "Целевые показатели", "target_indicator_baseline": "Базовые значения показателей",
        "target_indicator_target": "Плановые значения показателей",
        "target_indicator_actual": "Фактические значения показателей",
        "risk_profile": "Рисковые профили («500+»)", "municipality": "Идентичность муниципалитета",
        "region_push": "Отправки в региональную базу", "data_change": "Версия данных",
    ]

    /// Russian names of the columns, the same in every table that has them…
    public static let columns: [String: String] = [
        "id": "Номер записи", "code": "Код", "name": "Наименование", "title": "Название", "kind": "Вид",
        "status": "Статус", "source": "Источник", "reason": "Обоснование", "note": "Примечание", "date": "Дата",
        "school_id": "Школа", "staff_id": "Работник", "course_id": "Курс", "event_id": "Мероприятие",
        "activity_id": "Мероприятие дорожной карты", "roadmap_id": "Дорожная карта", "direction_id": "Направление",
        "campaign_id": "Диагностика", "plan_id": "План", "mentorship_id": "Наставническая пара",
        "occurrence_id": "Срок мероприятия", "diagnostic_result_id": "Результат диагностики",
        "observation_id": "Посещённый урок",
        "position": "Порядковый номер", "number": "Номер", "text": "Текст", "term": "Срок (как в приказе)",
        "term_flag": "Особенность срока", "responsible": "Ответственные", "result": "Результат",
        "evidence": "Документ-основание",
        "sequence": "Номер срока", "start_date": "Дата начала", "end_date": "Дата окончания",
        "recurrence": "Периодичность",
        "deadline": "Срок", "year": "Год", "assessment": "Оценочная процедура", "subject": "Предмет", "grade": "Класс",
        "participants": "Участников", "mean_score": "Средний балл", "region_mean": "Средний балл по региону",
        "share_fail": "Доля неудовлетворительных, %", "share_top": "Доля высоких результатов, %",
        "instrument": "Инструмент диагностики", "competence": "Компетенция", "max_score": "Максимальный балл",
        "threshold": "Порог", "course_key": "Ключ курса", "provider": "Организатор", "hours": "Часов",
        "format": "Форма обучения",
        "topics": "Темы", "subjects": "Предметы", "seats": "Мест", "external": "Внешний курс",
        "curator_school_id": "Школа-куратор", "curator_name": "Куратор", "coordinator": "Координатор", "since": "С",
        "until": "По", "order_ref": "Приказ", "topic": "Тема", "school_year": "Учебный год", "version": "Версия",
        "created_at": "Создан", "superseded_by": "Заменён версией", "consent": "Согласие",
        "subject_score": "Предметные, балл",
        "methodological_score": "Методические, балл", "psychological_score": "Психолого-педагогические, балл",
        "communicative_score": "Коммуникативные, балл", "start_time": "Время начала",
        "duration_minutes": "Длительность, мин",
        "host_school_id": "Площадка", "capacity": "Вместимость", "audience": "Участники (описание)",
        "attended": "Присутствовал",
        "file_name": "Файл", "sha256": "Контрольная сумма", "status_change_id": "Отметка о выполнении",
        "content_type": "Тип файла", "size": "Размер, байт", "content": "Содержимое (байт)", "imported_at": "Загружен",
        "imported_by": "Кем загружен",
        "added": "Добавлено", "changed": "Изменено", "unchanged": "Без изменений", "warnings": "Предупреждений",
        "value": "Значение", "observer": "Кто посетил",
        "observer_role": "Должность посетившего", "class_name": "Класс", "focus": "Цель посещения", "scores": "Оценки",
        "mentor_id": "Наставник", "mentee_id": "Наставляемый", "form": "Форма наставничества", "goal": "Цель",
        "consent_date": "Дата согласия наставника", "recorded_at": "Записано", "recorded_by": "Кем записано",
        "mentee_consent_date": "Дата согласия наставляемого", "end_reason": "Причина окончания",
        "edits": "Правок вручную",
        "description": "Содержание", "expected_result": "Ожидаемый результат", "closed_at": "Закрыт",
        "roadmap_key": "Ключ дорожной карты", "period_start": "Начало периода", "period_end": "Конец периода",
        "source_file": "Исходный файл", "municipality": "Муниципалитет", "internship_site": "Стажировочная площадка",
        "students": "Обучающихся", "latitude": "Широта", "longitude": "Долгота", "address": "Адрес",
        "head": "Руководитель",
        "curator_capacity": "Может курировать школ", "hardship_share": "Доля семей в трудной ситуации, %",
        "non_native_share": "Доля детей с неродным русским, %", "registered_share": "Доля состоящих на учёте, %",
        "higher_ed_parent_share": "Доля родителей с высшим образованием, %",
        "single_parent_share": "Доля неполных семей, %",
        "key": "Параметр", "person_key": "Ключ человека", "full_name": "ФИО", "position_kind": "Категория должности",
        "birth_date": "Дата рождения", "teaching_since": "Педагогический стаж с", "experience_years": "Педстаж, лет",
        "category": "Квалификационная категория", "category_date": "Дата присвоения категории", "email": "Эл. почта",
        "phone": "Телефон", "forgotten_at": "Персональные данные удалены",
        "last_training_end": "Последние курсы окончены",
        "training_key": "Ключ обучения", "certificate": "Удостоверение", "post_since": "В должности с",
        "snils": "СНИЛС",
        "title_key": "Должность (без учёта регистра и пробелов)",
        // The accounts of the web interface (v10).
        "login": "Логин", "role": "Роль", "password_hash": "Пароль", "disabled": "Отключена",
        "failed_count": "Неудачных входов подряд", "locked_until": "Заблокирована до", "user_id": "Учётная запись",
        "last_seen_at": "Последнее обращение", "expires_at": "Истекает",
        // The staff page's search tables (v11).
        "ord": "Место в списке", "staff_row": "Работник (номер записи)", "name_ord": "Место по ФИО",
        "due_by": "Срок КПК", "early_until": "Молодой специалист до", "people": "Человек", "first_ord": "Первое место",
        "last_ord": "Последнее место", "stamp": "Отметка данных", "latest_training_end": "Последние курсы окончены",
        "word": "Слово ФИО", "words": "Слова ФИО",
        // The rows of `restore` and bulk-insert entries.
        "from": "Из файла", "kept": "Прежний файл", "rows": "Строк", "first_row_id": "Первая строка",
        "last_row_id": "Последняя строка",
        // Counts of results and of the social context, target indicators (v21).
        "count_2": "Получили «2»", "count_3": "Получили «3»", "count_4": "Получили «4»", "count_5": "Получили «5»",
        "above_70": "Более 70 баллов", "pupils": "Обучающихся", "ovz_pupils": "Обучающихся с ОВЗ и детей-инвалидов",
        "ovz_adapted": "Из них по адаптированным программам", "repeaters": "Оставлены на повторное обучение",
        "leavers_9": "Выпускников 9 классов", "certificates_9": "Аттестатов об основном общем образовании",
        "leavers_11": "Выпускников 11 классов", "certificates_11": "Аттестатов о среднем общем образовании",
        "population": "Совокупность", "unit": "Единица", "lower_is_better": "Лучше меньшее значение",
        // The social context's vacant pedagogical positions (v24).
        "vacancies": "Вакантных педагогических ставок",
    ]

    /// …except where a table gives a column its own meaning.
    public static let tableColumns: [String: [String: String]] = [
        "school": ["kind": "Тип ОО", "name": "Наименование ОО", "code": "Код ОО"],
        "school_status": ["status": "Статус школы", "source": "Источник статуса"],
        "staff": ["staff_id": "Табельный номер", "position": "Должность"],
        "event": ["kind": "Вид мероприятия", "date": "Дата проведения"],
        "plan_item": ["kind": "Вид пункта", "position": "Номер пункта", "deadline": "Срок выполнения"],
        "import_log": ["kind": "Вид файла"],
        "activity_responsible": ["name": "Ответственный"],
        "activity_occurrence": ["deadline": "Крайний срок (да/нет)"],
        "course": ["code": "Код программы"],
        "setting": ["value": "Значение настройки"],
        "user": ["school_id": "Школа (учётная запись школы)"],
        "risk_profile": [
            "factor": "Фактор риска", "level": "Уровень риска", "source": "Источник уровня", "reasons": "Основания",
        ],
        // Issue 21: anti-risk programmes and the schools' development documents.
        "activity": ["indicator": "Показатель"],
        "risk_programme": ["factor": "Фактор риска", "goal": "Цель программы"],
        "school_document": [
            "kind": "Вид документа", "approved_on": "Дата утверждения", "number": "Номер приказа",
            "period_start": "Начало действия (год)", "period_end": "Окончание действия (год)",
        ],
        // Issue 22: the database's identity for the region.
        "municipality": [
            "singleton": "Запись идентичности", "uuid": "UUID базы", "oktmo": "Код ОКТМО", "set_at": "Когда задана",
        ],
        "region_push": [
            "region": "Региональная база", "batch": "Партия", "pushed_at": "Когда отправлено",
            "as_of": "Данные на дату", "personal_data": "С персональными данными", "added": "Добавлено строк",
            "changed": "Изменено строк", "deleted": "Помечено удалёнными", "unchanged": "Без изменений",
            "state_sha": "SHA-256 отправленного снимка", "data_version": "Версия данных при отправке",
        ],
        "data_change": ["counter": "Счётчик изменений данных"],
    ]

    /// A column's Russian name (its stored name when there is none).
    public static func label(table: String, column: String) -> String {
        tableColumns[table]?[column] ?? columns[column] ?? column
    }

    /// Columns holding 0 or 1.
    public static let yesNo: Set<String> = [
        "internship_site", "external", "consent", "attended", "deadline", "disabled", "personal_data",
    ]

    /// The Russian name of a stored enumerated value, by table and column.
    public static func enumerated(table: String, column: String, _ raw: String) -> String? {
        switch (table, column) {
        case ("school_status", "status"): return SchoolStatus(rawValue: raw)?.russianShort
        case ("school_status", "source"): return ["official": "официальный", "proposed": "предложенный"][raw]
        case ("staff", "position_kind"), ("position_kind_override", "kind"): return PositionKind(rawValue: raw)?.russian
        case ("staff", "category"): return QualificationCategory(rawValue: raw)?.russian
        case ("competence_threshold", "competence"): return Competence(rawValue: raw)?.russian
        case ("training", "status"): return TrainingStatus(rawValue: raw)?.russian
        case ("activity", "term_flag"): return TermFlag(rawValue: raw)?.russian
        case ("activity_occurrence", "recurrence"): return Recurrence(rawValue: raw)?.russian
        case ("activity_occurrence", "status"), ("occurrence_status_change", "status"):
            return OccurrenceStatus(rawValue: raw)?.russian
        case ("event", "kind"): return EventKind(rawValue: raw)?.russian
        case ("plan_item", "kind"): return PlanItemKind(rawValue: raw)?.russian
        case ("plan_item", "status"): return PlanItemStatus(rawValue: raw)?.russian
        case ("import_log", "kind"): return ImportKind(rawValue: raw)?.russianTitle
        case ("user", "role"): return Role(rawValue: raw)?.russian
        case ("risk_profile", "level"): return RiskLevel(rawValue: raw)?.russian
        case ("risk_profile", "source"): return RiskSource(rawValue: raw)?.russian
        case ("school_document", "kind"): return SchoolDocumentKind(rawValue: raw)?.russian
        default: return nil
        }
    }

    /// A stored value as the log shows it: enumerations and yes/no in Russian, ISO dates as
    /// ДД.ММ.ГГГГ, the rest as stored.
    public static func value(table: String, column: String, _ value: AuditValue) -> String {
        switch value {
        case .integer(let n) where yesNo.contains(column) && (n == 0 || n == 1):
            return n == 1 ? "да" : "нет"
        case .text(let text):
            if let russian = enumerated(table: table, column: column, text) { return russian }
            if text.count == 10, text.wholeMatch(of: #/\d{4}-\d{2}-\d{2}/#) != nil, let date = LocalDate(parsing: text)
            {
                return date.russian
            }
            return text
        default:
            return value.description
        }
    }
}
