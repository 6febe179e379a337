/// What an upsert did to a row.
public enum UpsertOutcome: Sendable, Equatable {
    case added, changed, unchanged
}
