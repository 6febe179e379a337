/// A school as the staff indicators read it.
public struct IndicatorSchool: Sendable, Equatable {
    public var code: String
    public var name: String
    /// Official statuses.
    public var statuses: [SchoolStatus]

    public init(code: String, name: String, statuses: [SchoolStatus]) {
        self.code = code
        self.name = name
        self.statuses = statuses
    }
}
