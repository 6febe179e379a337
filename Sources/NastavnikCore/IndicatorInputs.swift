/// The plain values the target indicators are computed from.
public struct IndicatorInputs: Sendable {
    /// Every school with its official statuses.
    public var schools: [IndicatorSchool]
    public var results: [AssessmentResult]
    public var social: [SocialContext]
    /// The staff indicators' lines per year (counted on `Settings.indicatorsStaffMonth` of it).
    public var staff: [Int: [StaffIndicators.Line]]

    public init(
        schools: [IndicatorSchool], results: [AssessmentResult] = [], social: [SocialContext] = [],
        staff: [Int: [StaffIndicators.Line]] = [:]
    ) {
        self.schools = schools
        self.results = results
        self.social = social
        self.staff = staff
    }
}
