/// How many mentees one mentor may have at once, by qualification category. A judgement (no
/// seed nor act gives numbers), so the department's settings.
public struct MentorLimits: Sendable, Equatable {
    public var highest: Int
    public var first: Int
    public var other: Int

    public init(highest: Int = 3, first: Int = 2, other: Int = 1) {
        self.highest = highest
        self.first = first
        self.other = other
    }

    public init(_ settings: SettingValues) {
        self.init(
            highest: Int(settings.number(Settings.mentorLimitHighest)),
            first: Int(settings.number(Settings.mentorLimitFirst)),
            other: Int(settings.number(Settings.mentorLimitOther)))
    }

    public func limit(_ category: QualificationCategory?) -> Int {
        switch category {
        case .highest?: highest
        case .first?: first
        default: other
        }
    }
}
