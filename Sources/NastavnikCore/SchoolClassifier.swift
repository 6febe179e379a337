/// A school's results and context, as classification reads them.
public struct ClassifiedSchool: Sendable, Equatable {
    public var code: String
    public var name: String
    /// Mean relative score (school mean ÷ region mean over all procedures and subjects) per year.
    public var relativeByYear: [Int: Double]
    /// The five social indicators of the latest year, in percent.
    public var social: SocialContext?
    public var official: [SchoolStatus]

    public init(code: String, name: String, relativeByYear: [Int: Double], social: SocialContext?, official: [SchoolStatus]) {
        self.code = code
        self.name = name
        self.relativeByYear = relativeByYear
        self.social = social
        self.official = official
    }

    public var meanRelative: Double? {
        relativeByYear.isEmpty ? nil : relativeByYear.values.reduce(0, +) / Double(relativeByYear.count)
    }

    /// The change of the relative score from the first to the last year.
    public var trend: Double? {
        guard let first = relativeByYear.keys.min(), let last = relativeByYear.keys.max(), first != last else { return nil }
        return relativeByYear[last]! - relativeByYear[first]!
    }

    /// 0–100: the mean of the shares that make learning harder (families in hardship, Russian
    /// not native, registered, single parent) and of the complement of the share with a
    /// parent of higher education.
    public var socialIndex: Double? {
        guard let s = social else { return nil }
        let parts = [s.hardshipShare, s.nonNativeShare, s.registeredShare, s.singleParentShare,
                     s.higherEdParentShare.map { 100 - $0 }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.reduce(0, +) / Double(parts.count)
    }
}

/// The rules that propose statuses; every threshold can be changed.
public struct ClassificationRules: Sendable, Equatable {
    /// Mean relative score below which a school has low results.
    public var lowResults = 0.90
    /// Below which, or with a falling trend, a school is at high risk.
    public var highRisk = 0.95
    /// Below which a school is at moderate risk.
    public var moderateRisk = 0.98
    /// From which a school is effective (and a candidate curator).
    public var effective = 1.05
    /// A fall of the relative score over the years that makes a school at high risk.
    public var fallingTrend = -0.05
    /// A social index from which a school is in adverse social conditions.
    public var adverseSocial = 30.0

    public init() {}

    /// The proposed statuses of a school and the reason for each, in Russian.
    public func classify(_ s: ClassifiedSchool) -> (statuses: [SchoolStatus], reasons: [String]) {
        var statuses: [SchoolStatus] = []
        var reasons: [String] = []
        func f(_ v: Double) -> String { Cell0.decimal(v) }
        if let mean = s.meanRelative {
            if mean < lowResults {
                statuses.append(.lowResults)
                reasons.append("средний относительный балл \(f(mean)) < \(f(lowResults))")
            } else if mean < highRisk || (s.trend.map { $0 <= fallingTrend } ?? false) {
                statuses.append(.highRisk)
                reasons.append(mean < highRisk ? "средний относительный балл \(f(mean)) < \(f(highRisk))"
                               : "результаты снижаются: \(f(s.trend!)) за период")
            } else if mean < moderateRisk {
                statuses.append(.moderateRisk)
                reasons.append("средний относительный балл \(f(mean)) < \(f(moderateRisk))")
            } else if mean >= effective {
                statuses.append(.effective)
                reasons.append("средний относительный балл \(f(mean)) ≥ \(f(effective))")
            }
        } else {
            reasons.append("нет результатов оценочных процедур")
        }
        if let index = s.socialIndex, index >= adverseSocial {
            statuses.append(.adverseSocial)
            reasons.append("индекс социального неблагополучия \(f(index)) ≥ \(f(adverseSocial))")
        }
        return (statuses.sorted(), reasons)
    }
}

extension Cell0 {
    static func decimal(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }
}
