/// Renders a report as one self-contained HTML file: inline CSS and SVG, no scripts, nothing
/// loaded from elsewhere; readable on screen and printed on A4.
public struct HTMLRenderer: Sendable {
    public init() {}

    static let style = """
        @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
        @page landscape { size: A4 landscape; margin: 14mm 14mm 14mm 14mm; }
        .landscape { page: landscape; }
        :root { color: #1a202c; }
        body { font-family: "PT Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4;
               margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; hyphens: auto; }
        h1 { font-size: 17pt; margin: 0 0 2mm; }
        h2 { font-size: 13.5pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 1px solid #cbd5e0; break-after: avoid; }
        h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
        .subtitle { color: #4a5568; margin: 0 0 6mm; }
        .note { color: #4a5568; font-style: italic; margin: 2mm 0; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
        thead { display: table-header-group; }
        th, td { border: 1px solid #cbd5e0; padding: 0.8mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: break-word; }
        th { hyphens: auto; }
        table.wide { font-size: 8pt; }
        table.wide th, table.wide td { padding: 0.8mm 1mm; }
        h1.appendix { break-before: page; }
        th { background: #edf2f7; font-weight: bold; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr { break-inside: avoid; }
        figure { margin: 3mm 0 5mm; break-inside: avoid; }
        figcaption { font-weight: bold; margin-bottom: 1.5mm; }
        svg { max-width: 100%; height: auto; }
        .doc { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.5; }
        .doc .org { text-align: center; font-weight: bold; text-transform: uppercase; margin: 0; }
        .doc .kind { text-align: center; font-weight: bold; letter-spacing: 0.3em; margin: 6mm 0 4mm; }
        .doc .meta { display: flex; justify-content: space-between; margin-bottom: 6mm; }
        .doc .subject { font-weight: bold; margin: 0 0 6mm; max-width: 110mm; }
        .doc p { text-indent: 12.5mm; text-align: justify; margin: 0 0 2mm; }
        .doc ol { margin: 0 0 2mm; padding-left: 12.5mm; }
        .doc ol li { text-align: justify; margin-bottom: 1.5mm; }
        .doc ul { margin: 1mm 0 1mm; list-style: none; padding-left: 6mm; }
        .doc ul li::before { content: "— "; }
        .doc .signature { display: flex; justify-content: space-between; margin-top: 14mm; }
        .doc .appendix { break-before: page; }
        @media print { body { padding: 0; max-width: none; } }
        """

    /// - Parameter pageBreakBetweenSections: one section per printed page (one plan per teacher).
    public func render(_ report: Report, pageBreakBetweenSections: Bool = false) -> String {
        var body = "<h1>\(Typography.html(report.title))</h1>\n"
        if let subtitle = report.subtitle { body += "<p class=\"subtitle\">\(Typography.html(subtitle))</p>\n" }
        for (i, section) in report.sections.enumerated() {
            body += pageBreakBetweenSections && i > 0 ? "<section style=\"break-before: page\">\n" : "<section>\n"
            body += "<h2>\(Typography.html(section.title))</h2>\n"
            for block in section.blocks { body += self.block(block) }
            body += "</section>\n"
        }
        if !report.appendix.isEmpty {
            body += "<h1 class=\"appendix\">Приложение</h1>\n"
            for section in report.appendix {
                // A list with a wide table is printed whole, its heading too, on landscape pages.
                let landscape = section.blocks.contains { if case .table(let t) = $0 { Self.isWide(t) } else { false } }
                body +=
                    (landscape ? "<section class=\"landscape\">\n" : "<section>\n")
                    + "<h2>\(Typography.html(section.title))</h2>\n"
                for block in section.blocks { body += self.block(block, landscape: !landscape) }
                body += "</section>\n"
            }
        }
        return HTMLRenderer.page(title: report.title, body: body)
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="ru">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Typography.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// - Parameter landscape: a wide table goes onto a landscape page of its own (not when its
    ///   section is already on one).
    func block(_ block: ReportBlock, landscape: Bool = true) -> String {
        switch block {
        case .paragraph(let text): return "<p>\(Typography.html(text))</p>\n"
        case .note(let text): return "<p class=\"note\">\(Typography.html(text))</p>\n"
        case .table(let table): return self.table(table, landscape: landscape)
        case .chart(let chart):
            return
                "<figure>\n<figcaption>\(Typography.html(chart.title))</figcaption>\n\(SVGChart.render(chart))\n</figure>\n"
        }
    }

    /// A table wider than this many columns is set small on a landscape page of its own.
    static let landscapeColumns = 8

    /// Whether a table is too wide for a portrait page.
    static func isWide(_ table: ReportTable) -> Bool { table.columns.count > landscapeColumns }

    public func table(_ table: ReportTable) -> String { self.table(table, landscape: true) }

    func table(_ table: ReportTable, landscape: Bool) -> String {
        var out = table.title.isEmpty ? "" : "<h3>\(Typography.html(table.title))</h3>\n"
        guard !table.rows.isEmpty else { return out + "<p class=\"note\">\(Typography.html(table.emptyMessage))</p>\n" }
        // A wide table does not fit a portrait page's 182 mm: the printer would clip its right
        // columns. It goes with its title onto a landscape page (CSS named page), and its cells wrap.
        let wide = Self.isWide(table)
        if wide && landscape { out = "<div class=\"landscape\">\n" + out }
        out +=
            (wide ? "<table class=\"wide\">" : "<table>") + "\n<thead><tr>"
            + table.columns.map { "<th>\(Typography.html($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out +=
                "<tr>"
                + row.map { cell in
                    cell.isNumeric
                        ? "<td class=\"num\">\(Typography.escape(cell.display.replacingOccurrences(of: " %", with: "\u{00A0}%")))</td>"
                        : "<td>\(Typography.html(cell.display))</td>"
                }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n" + (wide && landscape ? "</div>\n" : "")
    }
}
