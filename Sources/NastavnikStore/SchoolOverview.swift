import NastavnikCore

/// A school as `schools list` shows it: the school's own fields read through, as `overview.code`.
@dynamicMemberLookup
public struct SchoolOverview: Sendable, Equatable {
    /// The school with its official statuses.
    public var school: School
    public var staffCount: Int
    /// Codes of the schools curating this one.
    public var curators: [String]

    public subscript<Value>(dynamicMember keyPath: KeyPath<School, Value>) -> Value { school[keyPath: keyPath] }
}
