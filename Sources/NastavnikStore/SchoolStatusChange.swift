import NastavnikCore

/// A change of a school's official statuses, as the audit log recorded it: the schema keeps
/// only the statuses in force (`school_status`), the log every insert and delete of them.
public struct SchoolStatusChange: Sendable, Equatable {
    /// When (its last entry), as the log stores it (ISO 8601, UTC).
    public var timestamp: String
    /// The day of `timestamp` (UTC).
    public var date: LocalDate
    /// Who and by which command (`import schools`, `demo`, the web).
    public var actor: String
    public var command: String?
    public var added: [SchoolStatus]
    public var removed: [SchoolStatus]
    /// The official statuses after the change.
    public var statuses: [SchoolStatus]

    /// How far apart the log's entries of one change may be (a judgement: an import replaces
    /// a school's statuses within milliseconds; two runs of a command are further apart).
    public static let sameChangeSeconds = 10.0

    public init(
        timestamp: String, date: LocalDate, actor: String, command: String?, added: [SchoolStatus],
        removed: [SchoolStatus], statuses: [SchoolStatus]
    ) {
        (self.timestamp, self.date, self.actor, self.command) = (timestamp, date, actor, command)
        (self.added, self.removed, self.statuses) = (added, removed, statuses)
    }
}
