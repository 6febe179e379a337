import NastavnikReports

/// A Reports `Report` as the blocks of a page: the same sections, tables and charts its HTML,
/// XLSX, DOCX and Markdown downloads render.
enum ReportView {
    /// The report's sections (then its appendix) as headings, paragraphs, notes, tables and charts;
    /// `links` as `TableView` takes them, for every table.
    static func blocks(_ report: Report, links: [String: ([Cell]) -> String?] = [:]) -> [Block] {
        var blocks: [Block] = []
        if let subtitle = report.subtitle { blocks.append(.paragraph(subtitle)) }
        for section in report.sections + report.appendix {
            blocks.append(.heading(section.title))
            for block in section.blocks {
                switch block {
                case .paragraph(let text): blocks.append(.paragraph(text))
                case .note(let text): blocks.append(.note(text))
                case .table(let table): blocks.append(.table(TableView(table, links: links)))
                case .chart(let chart): blocks.append(.chart(ChartView(chart)))
                }
            }
        }
        return blocks
    }
}
