/// One table a municipality sends to the region: its rows are keyed by the municipality and a
/// natural key (a school's code, a person's personnel-number key, a course's key…), never by a
/// rowid of the municipal file. Every table has the same bookkeeping columns beside its own:
/// `municipality_id`, `key`, `row_hash`, `batch_id` and `deleted_at` (a row the municipality no
/// longer has is marked deleted, not removed).
public struct RegionTable: Sendable, Equatable, Hashable {
    /// A value column: its name and PostgreSQL type, as the regional migration created it.
    public struct Column: Sendable, Equatable, Hashable {
        public var name: String
        public var type: String

        public init(_ name: String, _ type: String) {
            self.name = name
            self.type = type
        }
    }

    public var name: String
    /// What the key is, in Russian, for the status and the receipts.
    public var title: String
    public var columns: [Column]

    public init(name: String, title: String, columns: [Column]) {
        self.name = name
        self.title = title
        self.columns = columns
    }

    /// The tables of a snapshot, in the order they are sent and counted.
    public static let all: [RegionTable] = [
        school, person, course, training, diagnostic, deficit, event, participant, pairing, indicator, need,
    ]

    /// The order a first push attaches its partitions in (the order a municipal database's
    /// snapshot is read in, the trainings first): every first push takes the tables' locks in it.
    public static let attachOrder: [RegionTable] = [
        training, school, person, course, diagnostic, deficit, event, participant, pairing, indicator, need,
    ]

    /// Schools by code, with their official statuses (comma-separated `SchoolStatus` raw values).
    public static let school = RegionTable(
        name: "school", title: "Школы",
        columns: [
            .init("name", "text"), .init("kind", "text"), .init("statuses", "text"),
            .init("municipality_name", "text"), .init("students", "integer"),
        ])

    /// Staff by their personnel-number key. `link` is the region's keyed hash of the СНИЛС (the
    /// same person in two municipalities has the same link); `full_name` is a pseudonym, and
    /// `snils` and `birth_date` are empty, unless the push was made with personal data.
    /// `training_due` is the 3-year rule's due day computed by the municipality
    /// (`TrainingRule.dueBy`), `counted` whether the rule's indicators count the person
    /// (pedagogical and leading workers).
    public static let person = RegionTable(
        name: "person", title: "Работники",
        columns: [
            .init("link", "text"), .init("full_name", "text"), .init("snils", "text"), .init("birth_date", "date"),
            .init("school_code", "text"), .init("position", "text"), .init("position_kind", "text"),
            .init("counted", "boolean"), .init("teaching_since", "date"), .init("last_training_end", "date"),
            .init("training_due", "date"),
        ])

    /// Courses by their key (the catalogue code where there is one).
    public static let course = RegionTable(
        name: "course", title: "Курсы",
        columns: [
            .init("code", "text"), .init("title", "text"), .init("provider", "text"), .init("hours", "numeric"),
            .init("topics", "text"),
        ])

    /// Trainings by their key.
    public static let training = RegionTable(
        name: "training", title: "Обучение",
        columns: [
            .init("person_key", "text"), .init("course_key", "text"), .init("status", "text"),
            .init("start_date", "date"), .init("end_date", "date"), .init("hours", "numeric"),
        ])

    /// Each person's latest diagnostic result given with consent (keyed by the person), with
    /// the thresholds of its instrument.
    public static let diagnostic = RegionTable(
        name: "diagnostic", title: "Диагностика",
        columns: [
            .init("person_key", "text"), .init("date", "date"), .init("instrument", "text"),
            .init("subject_score", "numeric"), .init("subject_threshold", "numeric"),
            .init("methodological_score", "numeric"), .init("methodological_threshold", "numeric"),
            .init("psychological_score", "numeric"), .init("psychological_threshold", "numeric"),
            .init("communicative_score", "numeric"), .init("communicative_threshold", "numeric"),
        ])

    /// The deficits of each person's latest diagnostic result (keyed by person and topic).
    public static let deficit = RegionTable(
        name: "deficit", title: "Дефициты",
        columns: [.init("person_key", "text"), .init("topic", "text")])

    /// Methodical events (seminars and the like), keyed by kind, date, time and title.
    public static let event = RegionTable(
        name: "event", title: "Мероприятия",
        columns: [
            .init("kind", "text"), .init("title", "text"), .init("topic", "text"), .init("date", "date"),
            .init("host_school_code", "text"),
        ])

    /// Who was invited to an event and whether they came (keyed by the event's key and the person).
    public static let participant = RegionTable(
        name: "participant", title: "Участники мероприятий",
        columns: [.init("event_key", "text"), .init("person_key", "text"), .init("attended", "boolean")])

    /// Curator pairs (keyed by the supported school's and the curating school's codes); the
    /// curating school's municipality as the municipal file names it.
    public static let pairing = RegionTable(
        name: "pairing", title: "Кураторские пары",
        columns: [
            .init("school_code", "text"), .init("curator_school_code", "text"),
            .init("curator_municipality", "text"), .init("curator_name", "text"), .init("since", "date"),
            .init("until", "date"), .init("order_ref", "text"),
        ])

    /// The target indicators as the municipality computes them (keyed by code, year and school;
    /// the municipality's own line has an empty school); `on_track` as the municipality judges it
    /// (`IndicatorReportLine.onTrack`, which knows whether lower is better).
    public static let indicator = RegionTable(
        name: "indicator", title: "Целевые показатели",
        columns: [
            .init("code", "text"), .init("title", "text"), .init("unit", "text"), .init("year", "integer"),
            .init("school_code", "text"), .init("baseline", "numeric"), .init("target", "numeric"),
            .init("actual", "numeric"), .init("on_track", "boolean"),
        ])

    /// Who must be sent on a course in a year (the municipal training order's lines, keyed by year
    /// and person): why, and the course the municipality's planner chose, if any. The person's
    /// `link` and `full_name` (as in `person`: a pseudonym unless the push had personal data) and
    /// the school's name come with the line, so that the region's order reads this table alone
    /// (migration r4).
    public static let need = RegionTable(
        name: "need", title: "Потребность в КПК",
        columns: [
            .init("year", "integer"), .init("person_key", "text"), .init("school_code", "text"),
            .init("reason", "text"), .init("due", "boolean"), .init("course_key", "text"),
            .init("course_code", "text"), .init("course_title", "text"), .init("provider", "text"),
            .init("hours", "numeric"), .init("topics", "text"), .init("link", "text"), .init("full_name", "text"),
            .init("school_name", "text"),
        ])
}
