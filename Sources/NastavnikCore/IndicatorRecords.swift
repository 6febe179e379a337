/// What the store keeps of the target indicators: the municipality's own definitions, the
/// baselines, the targets and the hand-entered actual values.
public struct IndicatorRecords: Sendable, Equatable {
    public var own: [TargetIndicator]
    public var baselines: [IndicatorValue]
    public var targets: [IndicatorValue]
    public var actuals: [IndicatorValue]

    public init(
        own: [TargetIndicator] = [], baselines: [IndicatorValue] = [], targets: [IndicatorValue] = [],
        actuals: [IndicatorValue] = []
    ) {
        self.own = own
        self.baselines = baselines
        self.targets = targets
        self.actuals = actuals
    }

    /// The predefined indicators, then the municipality's own.
    public var all: [TargetIndicator] { TargetIndicator.predefined + own }

    /// The indicator of that code (case and spaces aside), predefined or own.
    public func indicator(code: String) -> TargetIndicator? { all.first { $0.hasCode(code) } }
}
