/// The cut-offs of the curator cost, from the settings in force (defaults: `CuratorCost`).
public struct CuratorCutoffs: Sendable, Equatable {
    /// A subject of the school is weak below this relative score.
    public var weakBelow: Double
    /// The curator is strong in a subject from this relative score.
    public var strongFrom: Double
    /// A deficit is frequent from this share (0–1) of the school's diagnosed teachers.
    public var frequentDeficit: Double

    public init(
        weakBelow: Double = CuratorCost.weakBelow, strongFrom: Double = CuratorCost.strongFrom,
        frequentDeficit: Double = CuratorCost.frequentDeficit
    ) {
        self.weakBelow = weakBelow
        self.strongFrom = strongFrom
        self.frequentDeficit = frequentDeficit
    }

    public init(_ settings: SettingValues) {
        self.init(
            weakBelow: settings.number(Settings.curatorWeakSubjectBelow),
            strongFrom: settings.number(Settings.curatorStrongSubjectFrom),
            frequentDeficit: settings.number(Settings.curatorFrequentDeficit) / 100)
    }
}
