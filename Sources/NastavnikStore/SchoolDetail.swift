import NastavnikCore

/// Everything `schools show` tells about one school.
public struct SchoolDetail: Sendable, Equatable {
    /// The school with its official statuses.
    public var school: School
    public var curatedBy: [PairingLine]
    public var curates: [PairingLine]
    public var staffByKind: [PositionKind: Int]
    public var staffCount: Int
    /// Teaching and leading staff with a counting training within the rule's window.
    public var trainedCount: Int
    public var trainedBase: Int
}
