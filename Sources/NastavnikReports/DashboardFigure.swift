import NastavnikCore

/// One figure of the dashboard or a school's page: a count, out of a total where it is a
/// share, against a target where a seed sets one, with the list behind it.
public struct DashboardFigure: Sendable, Equatable {
    /// What is counted, in Russian («Школы с НОР»).
    public var title: String
    public var count: Int
    /// The denominator when the figure is a share.
    public var total: Int?
    /// The target share in percent (Ставрополь 2.1: 30, 2.7: 80), when there is one.
    public var target: Double?
    /// The list behind the figure.
    public var link: DashboardLink

    public init(title: String, count: Int, total: Int? = nil, target: Double? = nil, link: DashboardLink) {
        (self.title, self.count, self.total, self.target, self.link) = (title, count, total, target, link)
    }

    /// The share in percent; `nil` without a denominator or when it is zero.
    public var share: Double? {
        guard let total, total > 0 else { return nil }
        return Double(count) * 100 / Double(total)
    }

    /// Whether the share reaches its target (`nil` without a target or a share).
    public var meetsTarget: Bool? {
        guard let target, let share else { return nil }
        return share >= target
    }
}
