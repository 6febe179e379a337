import NastavnikCore

/// A report: the model every document renderer (Markdown, HTML, XLSX) takes.
public struct Report: Sendable, Equatable {
    public var title: String
    /// A line under the title: the organisation, the date the figures are as of.
    public var subtitle: String?
    public var sections: [ReportSection] = []
    /// The lists behind the figures (of people, of events, per school), one list a section: the
    /// workbook's own sheets, the printed report's appendix only when asked for (`--full`).
    public var appendix: [ReportSection] = []

    /// The report without its appendix, a last section saying which lists were left out and
    /// `whereToFind` them; the report itself when it has no appendix.
    public func summary(whereToFind: String) -> Report {
        guard !appendix.isEmpty else { return self }
        var out = self
        out.appendix = []
        out.sections.append(
            ReportSection(
                title: "Списки",
                blocks: [
                    .note(
                        "В отчёт не включены списки: " + appendix.map { "«\($0.listTitle)»" }.joined(separator: ", ")
                            + ". \(whereToFind)")
                ]))
        return out
    }
}
