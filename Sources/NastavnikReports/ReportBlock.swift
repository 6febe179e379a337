import NastavnikCore

public enum ReportBlock: Sendable, Equatable {
    case paragraph(String)
    /// A short remark set apart (no data, a caveat).
    case note(String)
    case table(ReportTable)
    case chart(Chart)
}
