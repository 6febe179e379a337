import NastavnikStore

/// What loading the demonstration data did.
public enum DemoOutcome: Sendable {
    /// Every file loaded: the overview, the training rule's minimum hours it counted with (setting
    /// `training.minimum_hours`), and the roadmaps' warnings (terms to check) to show after it.
    case loaded(DatabaseOverview, minimumHours: Double, roadmapWarnings: [String])
    /// A file was refused (its outcome went to `progress`); loading stopped there.
    case failed(ImportOutcome)
}
