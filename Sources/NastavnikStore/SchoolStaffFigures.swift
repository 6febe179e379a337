import NastavnikCore

/// Staff figures of one school for the reports.
public struct SchoolStaffFigures: Sendable, Equatable {
    public var code: String
    public var name: String
    public var total = 0
    public var byKind: [PositionKind: Int] = [:]
    public var byCategory: [QualificationCategory?: Int] = [:]
    /// Experience buckets: under 3 years, 3–9, 10–19, 20 and more, unknown.
    public var byExperience = [0, 0, 0, 0, 0]
    public var earlyCareer = 0
    /// Teaching and leading staff, and those with a counting training in the window.
    public var trainingBase = 0
    public var trained = 0
}
