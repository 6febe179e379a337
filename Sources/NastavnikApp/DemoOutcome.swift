import NastavnikStore

/// What loading the demonstration data did.
public enum DemoOutcome: Sendable {
    /// Every file loaded: the overview, and the roadmaps' warnings (terms to check) to show after it.
    case loaded(DatabaseOverview, roadmapWarnings: [String])
    /// A file was refused (its outcome went to `progress`); loading stopped there.
    case failed(ImportOutcome)
}
