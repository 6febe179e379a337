/// A push the region acknowledged, as the municipal database keeps it (`region_push`).
public struct RegionPushRecord: Sendable, Equatable {
    /// The regional database's address without the password.
    public var region: String
    public var batch: String
    /// When the push was acknowledged (ISO 8601).
    public var pushedAt: String
    /// The day the figures were computed on (`YYYY-MM-DD`).
    public var asOf: String
    public var personalData: Bool
    public var added: Int
    public var changed: Int
    public var deleted: Int
    public var unchanged: Int
    /// The SHA-256 of the snapshot pushed.
    public var stateSHA: String?
    /// `NastavnikDatabase.dataVersion` when the snapshot was made, read before it.
    public var dataVersion: String?

    public init(
        region: String, batch: String, pushedAt: String, asOf: String, personalData: Bool, added: Int, changed: Int,
        deleted: Int, unchanged: Int, stateSHA: String? = nil, dataVersion: String? = nil
    ) {
        self.region = region
        self.batch = batch
        self.pushedAt = pushedAt
        self.asOf = asOf
        self.personalData = personalData
        self.added = added
        self.changed = changed
        self.deleted = deleted
        self.unchanged = unchanged
        self.stateSHA = stateSHA
        self.dataVersion = dataVersion
    }
}
