/// One table of a municipality's rows as the region receives them, handed over one table at a time
/// from one read transaction (`NastavnikDatabase.regionRows(_:)`): natural keys and values as text,
/// people named by their `person_key`, which the application turns into the region's keys.
public enum RegionRows: Sendable, Equatable {
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
    case schools([[String?]])
    case persons([Person])
    /// key, code, title, provider, hours, topics.
    case courses([[String?]])
    /// person_key, date, instrument, then score and threshold of each competence.
    case diagnostics([[String?]])
    /// person_key, topic.
    case deficits([[String?]])
    /// key, kind, title, topic, date, host school code.
    case events([[String?]])
    /// event key, person_key, attended (`t`/`f`/nil).
    case participants([[String?]])
    /// school code, curating school code, its municipality, curator's name, since, until, order.
    case pairings([[String?]])
}
