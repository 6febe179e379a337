import NastavnikCore

/// The figures `nastavnik demo` and the municipal report open with.
public struct DatabaseOverview: Sendable, Equatable {
    public var counts: [(table: String, count: Int)]
    public var statusCounts: [(SchoolStatus, Int)]
    public var schoolsWithoutStatus: Int
    /// Teaching and leading staff, and how many of them lack a counting training.
    public var trainingBase: Int
    public var untrained: Int
    public var untrainedBySchool: [(code: String, name: String, untrained: Int, base: Int)]

    public static func == (a: Self, b: Self) -> Bool {
        a.counts.map(\.count) == b.counts.map(\.count) && a.untrained == b.untrained && a.trainingBase == b.trainingBase
    }
}
