import NastavnikCore

/// Staff figures of one school for the reports.
public struct SchoolStaffFigures: Sendable, Equatable {
    public var code: String
    public var name: String
    public var total = 0
    public var byKind: [PositionKind: Int] = [:]
    public var byCategory: [QualificationCategory?: Int] = [:]
    /// Experience buckets (`experienceBands`): under 3 years, 3–9, 10–19, 20 and more, unknown.
    public var byExperience = [0, 0, 0, 0, 0]
    public var earlyCareer = 0
    /// Teaching and leading staff, and those with a counting training in the window.
    public var trainingBase = 0
    public var trained = 0

    /// The names of the experience buckets, in `byExperience`'s order. A judgement of the
    /// reports: under 3 years is the early career the staff rules speak of, 20 and more the
    /// veterans; the municipal report, the school report and the school's page count alike.
    public static let experienceBands = ["до 3 лет", "3–9 лет", "10–19 лет", "20 лет и более", "не указан"]

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// Counts one worker of the school: by kind, category, experience bucket and early career.
    public mutating func add(_ line: StaffLine) {
        total += 1
        byKind[line.positionKind, default: 0] += 1
        byCategory[line.category, default: 0] += 1
        let bucket: Int
        switch line.experience {
        case let years? where years < 3: bucket = 0
        case let years? where years < 10: bucket = 1
        case let years? where years < 20: bucket = 2
        case .some: bucket = 3
        case nil: bucket = 4
        }
        byExperience[bucket] += 1
        if line.earlyCareer { earlyCareer += 1 }
    }
}
