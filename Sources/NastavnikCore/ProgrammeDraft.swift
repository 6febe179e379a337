import Foundation

/// A school's anti-risk programme drafted from the catalogue (`programmes draft`): the school,
/// the factor, the school year and the template's goal, tasks and measures with real terms.
public struct ProgrammeDraft: Sendable, Hashable {
    public var schoolCode: String
    public var schoolName: String
    public var factor: RiskFactor
    /// The school year's first calendar year (2026 for 2026/27).
    public var schoolYear: Int
    public var goal: String
    public var tasks: [String]
    /// The measures as roadmap entries: task as direction, indicator, terms of the school year.
    public var measures: [RoadmapEntry]

    /// The draft of `template` for school `schoolCode` in the school year starting in `schoolYear`;
    /// nil when a term pattern of the template is not one `SchoolYearTerm` writes.
    public init?(template: ProgrammeTemplate, schoolCode: String, schoolName: String, schoolYear: Int) {
        guard let measures = template.entries(schoolYear: schoolYear, schoolCode: schoolCode) else { return nil }
        (self.schoolCode, self.schoolName, self.factor, self.schoolYear) = (
            schoolCode, schoolName, template.factor, schoolYear
        )
        (self.goal, self.tasks, self.measures) = (template.goal, template.tasks, measures)
    }

    /// «2026/27».
    public var schoolYearText: String { "\(schoolYear)/\(String(format: "%02d", (schoolYear + 1) % 100))" }
}
