/// Classifies titles for one import or one command: the built-in list under a department's
/// corrections (`staff positions --set`), each keyed by `PositionTitles.key`. Remembers the
/// titles it has read, by their bytes, so a million rows cost a handful of classifications.
public final class PositionClassifier: Sendable {
    /// A department's corrections, by title key.
    public let overrides: [String: PositionKind]
    private let cache: RepeatedValues<PositionClassification>

    public init(overrides: [String: PositionKind] = [:]) {
        self.overrides = overrides
        cache = RepeatedValues { title in
            if !overrides.isEmpty, let kind = overrides[PositionTitles.key(title)] {
                return PositionClassification(kind: kind, known: true)
            }
            return PositionTitles.classify(title)
        }
    }

    /// The built-in list alone.
    public static let standard = PositionClassifier()

    public func classify(_ title: String) -> PositionClassification { cache.value(title) }
}
