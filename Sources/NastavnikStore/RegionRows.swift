/// A municipality's rows as the region receives them, read in one transaction
/// (`NastavnikDatabase.regionRows`): every table's natural keys and values as text, people named
/// by their `person_key`, which the application turns into the region's keys.
public struct RegionRows: Sendable, Equatable {
    /// A staff member as stored.
    public struct Person: Sendable, Equatable {
        /// The row's id in this file, only to join the planners' answers back (never sent).
        public var rowID: Int64
        public var personKey: String
        public var fullName: String
        public var snils: String?
        public var birthDate: String?
        public var schoolCode: String
        public var position: String
        /// `PositionKind`'s raw value.
        public var positionKind: String
        public var teachingSince: String?
        public var lastTrainingEnd: String?
        /// Erased under 152-ФЗ (`staff forget`).
        public var forgotten: Bool
    }

    /// code, name, kind, official statuses (comma-separated), municipality, pupils.
    public var schools: [[String?]] = []
    public var persons: [Person] = []
    /// key, code, title, provider, hours, topics.
    public var courses: [[String?]] = []
    /// person_key, course key, status, start, end, hours (the course's when the training has none).
    public var trainings: [[String?]] = []
    /// person_key, date, instrument, then score and threshold of each competence.
    public var diagnostics: [[String?]] = []
    /// person_key, topic.
    public var deficits: [[String?]] = []
    /// key, kind, title, topic, date, host school code.
    public var events: [[String?]] = []
    /// event key, person_key, attended (`t`/`f`/nil).
    public var participants: [[String?]] = []
    /// school code, curating school code, its municipality, curator's name, since, until, order.
    public var pairings: [[String?]] = []

    public init() {}
}
