import NastavnikCore

/// A section with a heading; a section without data says so in one line instead of vanishing.
public struct ReportSection: Sendable, Equatable {
    public var title: String
    public var blocks: [ReportBlock]

    /// A section that has no data: its title and one line saying why.
    public static func empty(_ title: String, _ message: String) -> ReportSection {
        ReportSection(title: title, blocks: [.note(message)])
    }
}
