/// Renders a report as Markdown (GitHub tables); charts become their data tables.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = "# \(report.title)\n\n"
        if let subtitle = report.subtitle { out += "_\(inline(subtitle))_\n\n" }
        for section in report.sections {
            out += "## \(inline(section.title))\n\n"
            for block in section.blocks { out += self.block(block) }
        }
        if !report.appendix.isEmpty { out += "# Приложение\n\n" }
        for section in report.appendix {
            out += "## \(inline(section.title))\n\n"
            for block in section.blocks { out += self.block(block) }
        }
        return out
    }

    /// One block of a report or of a document's appendix, text escaped.
    public func block(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let text): inline(text) + "\n\n"
        case .note(let text): "> \(inline(text))\n\n"
        case .table(let table): self.table(table)
        case .chart(let chart): self.table(chart.table)
        }
    }

    public func table(_ table: ReportTable) -> String {
        var out = ""
        if !table.title.isEmpty { out += "**\(inline(table.title))**\n\n" }
        guard !table.rows.isEmpty else { return out + "> \(inline(table.emptyMessage))\n\n" }
        out += "| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |\n"
        out +=
            "|"
            + table.columns.indices.map { i in
                table.rows.contains { i < $0.count && $0[i].isNumeric }
                    && table.rows.allSatisfy { i >= $0.count || $0[i].isNumeric || $0[i] == .empty } ? "---:|" : "---|"
            }.joined() + "\n"
        for row in table.rows {
            out += "| " + row.map { cell($0.display) }.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    private func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// One line of text with Markdown's special characters escaped.
    private func inline(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\n", "\r": out += " "
            case "*", "_", "`", "[", "]", "<", ">", "#", "\\": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }
}
