import NastavnikCore

/// A section with a heading; a section without data says so in one line instead of vanishing.
public struct ReportSection: Sendable, Equatable {
    public var title: String
    public var blocks: [ReportBlock]

    /// What the section lists, in full: its first table's title, else its own.
    public var listTitle: String {
        for block in blocks { if case .table(let t) = block, !t.title.isEmpty { return t.title } }
        return title
    }

    /// A section that has no data: its title and one line saying why.
    public static func empty(_ title: String, _ message: String) -> ReportSection {
        ReportSection(title: title, blocks: [.note(message)])
    }
}

extension ReportSection {
    /// A section made of one table.
    init(title: String, table: ReportTable) {
        self.init(title: title, blocks: [.table(table)])
    }
}
