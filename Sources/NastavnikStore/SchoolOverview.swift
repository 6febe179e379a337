import NastavnikCore

/// A school as `schools list` shows it.
public struct SchoolOverview: Sendable, Equatable {
    public var code: String
    public var name: String
    public var municipality: String?
    public var kind: String?
    public var statuses: [SchoolStatus]
    public var internshipSite: Bool
    public var students: Int?
    public var staffCount: Int
    /// Codes of the schools curating this one.
    public var curators: [String]
}
