/// One row of the target indicators' report: an indicator for the municipality or one school
/// in one year, with its baseline, target and actual value.
public struct IndicatorReportLine: Sendable, Equatable {
    public var indicator: TargetIndicator
    /// nil: the municipality.
    public var schoolCode: String?
    public var year: Int
    /// The municipality's baseline (nil on a school's row).
    public var baseline: IndicatorValue?
    public var target: Double?
    /// Computed from the data (`figure`) when it gives one, else entered by hand.
    public var actual: Double?
    public var figure: IndicatorFigure?
    /// Whether the actual value was entered by hand.
    public var handEntered: Bool

    public init(
        indicator: TargetIndicator, schoolCode: String?, year: Int, baseline: IndicatorValue?, target: Double?,
        actual: Double?, figure: IndicatorFigure?, handEntered: Bool
    ) {
        self.indicator = indicator
        self.schoolCode = schoolCode
        self.year = year
        self.baseline = baseline
        self.target = target
        self.actual = actual
        self.figure = figure
        self.handEntered = handEntered
    }

    /// Actual − target, in points of the indicator's unit.
    public var deviation: Double? { actual.flatMap { a in target.map { a - $0 } } }

    /// Whether the actual value reaches the target in the indicator's direction; nil without both.
    public var onTrack: Bool? {
        guard let actual, let target else { return nil }
        return indicator.lowerIsBetter ? actual <= target : actual >= target
    }

    /// The report of `year`: for each indicator (predefined, then the municipality's own) the
    /// municipality's row, then a row for each school with a computed value, a target or a
    /// hand-entered value; only that school's rows when `schoolCode` is given.
    public static func report(
        year: Int, records: IndicatorRecords, inputs: IndicatorInputs, schoolCode: String? = nil
    ) -> [IndicatorReportLine] {
        var out: [IndicatorReportLine] = []
        for indicator in records.all {
            let figures = indicator.formula.map { IndicatorCalculator.figures($0, year: year, inputs: inputs) } ?? []
            func mine(_ v: IndicatorValue) -> Bool { indicator.hasCode(v.code) && v.year == year }
            let targets = records.targets.filter(mine)
            let actuals = records.actuals.filter(mine)
            var schools = Set(figures.compactMap(\.schoolCode))
            schools.formUnion(targets.compactMap(\.schoolCode))
            schools.formUnion(actuals.compactMap(\.schoolCode))
            let keys: [String?] =
                schoolCode.map { code in schools.contains(code) ? [code] : [] }
                ?? ([nil] + schools.sorted().map { Optional($0) })
            for key in keys {
                let figure = figures.first { $0.schoolCode == key }
                let hand = actuals.first { $0.schoolCode == key }?.value
                let computed = figure?.value
                out.append(
                    IndicatorReportLine(
                        indicator: indicator, schoolCode: key, year: year,
                        baseline: key == nil ? records.baselines.first { indicator.hasCode($0.code) } : nil,
                        target: targets.first { $0.schoolCode == key }?.value, actual: computed ?? hand,
                        figure: figure, handEntered: computed == nil && hand != nil))
            }
        }
        return out
    }
}
