/// A risk factor at the high level in a school's latest profile that no anti-risk programme in
/// force addresses. Issue 21 (after ФИОКО's «500+» methodology): a school with a factor at a high
/// level has an anti-risk programme for it.
public struct ProgrammeGap: Sendable, Hashable {
    public var schoolCode: String
    public var schoolName: String
    /// The year of the school's latest profile, where the level is high.
    public var year: Int
    public var factor: RiskFactor

    public init(schoolCode: String, schoolName: String, year: Int, factor: RiskFactor) {
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.year = year
        self.factor = factor
    }

    /// One recorded level of a school's profile.
    public struct Level: Sendable, Hashable {
        public var schoolCode: String
        public var schoolName: String
        public var year: Int
        public var factor: RiskFactor
        public var level: RiskLevel

        public init(schoolCode: String, schoolName: String, year: Int, factor: RiskFactor, level: RiskLevel) {
            self.schoolCode = schoolCode
            self.schoolName = schoolName
            self.year = year
            self.factor = factor
            self.level = level
        }
    }

    /// One anti-risk programme: its school, its factor and the last day of its period.
    public struct Programme: Sendable, Hashable {
        public var schoolCode: String
        public var factor: RiskFactor
        public var periodEnd: LocalDate?

        public init(schoolCode: String, factor: RiskFactor, periodEnd: LocalDate?) {
            self.schoolCode = schoolCode
            self.factor = factor
            self.periodEnd = periodEnd
        }
    }

    /// Per school, the high factors of its latest profile year without a programme in force on
    /// `date`: one whose period has not ended (a programme without a period is in force). A
    /// programme that has ended leaves its factor uncovered if the level is still high — the
    /// school then needs its next programme. In the order of school code and factor.
    public static func find(levels: [Level], programmes: [Programme], asOf date: LocalDate) -> [ProgrammeGap] {
        var latest: [String: Int] = [:]
        for l in levels { latest[l.schoolCode] = max(latest[l.schoolCode] ?? l.year, l.year) }
        let covered = Set(
            programmes.filter { $0.periodEnd.map { $0 >= date } ?? true }.map {
                "\($0.schoolCode)|\($0.factor.rawValue)"
            })
        return
            levels
            .filter { $0.level == .high && $0.year == latest[$0.schoolCode] }
            .filter { !covered.contains("\($0.schoolCode)|\($0.factor.rawValue)") }
            .map {
                ProgrammeGap(schoolCode: $0.schoolCode, schoolName: $0.schoolName, year: $0.year, factor: $0.factor)
            }
            .sorted { ($0.schoolCode, $0.factor.rawValue) < ($1.schoolCode, $1.factor.rawValue) }
    }
}
