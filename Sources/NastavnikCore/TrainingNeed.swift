/// A need no open programme answers («потребность без программы»): the topic and who needs it,
/// for the department to ask a provider for a programme.
public struct TrainingNeed: Sendable, Equatable {
    public var topic: String
    public var candidates: [OrderCandidate]
    /// The teachers' subjects, each once (as first written), sorted.
    public var subjects: [String] {
        var seen: [String: String] = [:]
        for s in candidates.flatMap(\.subjects) where seen[SchoolSubject.canonical(s)] == nil {
            seen[SchoolSubject.canonical(s)] = s
        }
        return seen.values.sorted()
    }
}
