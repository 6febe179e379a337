/// A title's kind, and whether the title is one the номенклатура (or a department's correction)
/// names; an unknown title got its kind by a guess, which the import reports as a warning.
public struct PositionClassification: Sendable, Equatable {
    public var kind: PositionKind
    public var known: Bool
}
