/// One indicator computed for one school (`schoolCode`) or the municipality (`nil`).
public struct IndicatorFigure: Sendable, Equatable {
    public var schoolCode: String?
    /// A count (of pupils, workers), or a sum of relative scores.
    public var numerator: Double
    /// The population's count, or the number of relative scores.
    public var denominator: Double
    /// Whether some count was taken as share × participants (the file gave a share, not a count).
    public var fromShares: Bool
    /// A share in percent, or a mean: `nil` when the denominator is zero.
    public var value: Double?

    public init(schoolCode: String?, numerator: Double, denominator: Double, fromShares: Bool, share: Bool) {
        self.schoolCode = schoolCode
        self.numerator = numerator
        self.denominator = denominator
        self.fromShares = fromShares
        value = denominator > 0 ? (share ? numerator * 100 / denominator : numerator / denominator) : nil
    }
}
