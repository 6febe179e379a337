import NastavnikImport

/// What one import did: its summary, and whether it was refused (then nothing was written and
/// the summary lists the errors).
public struct ImportOutcome: Sendable, Equatable {
    public var summary: ImportSummary
    public var failed: Bool
}
