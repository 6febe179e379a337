import NastavnikCore

/// A report: the model every document renderer (Markdown, HTML, XLSX) takes.
public struct Report: Sendable, Equatable {
    public var title: String
    /// A line under the title: the organisation, the date the figures are as of.
    public var subtitle: String?
    public var sections: [ReportSection] = []
}
