/// The header row `template KIND` prints.
extension ImportKind {
    /// The columns of a blank file of this kind: every column, except for a risk profile, whose
    /// wide layout's factor columns would make a file of both layouts (refused): its long layout.
    public var templateColumns: [ColumnSpec] {
        self == .risks ? columns.filter { !$0.key.hasPrefix("factor_") } : columns
    }
}
