import Foundation
import NastavnikReports

/// A table as the `table` template shows it: built from the same `ReportTable` the command line
/// prints and the downloads render, with links from cells to the records they name.
struct TableView: Sendable {
    var caption: String?
    var columns: [ColumnView]
    /// The rows as HTML (`<tr>…</tr>` each), written by `HTMLText` rather than the template: the
    /// template's look-ups were most of a long page's time.
    var body: String
    /// What the table says when it has no rows.
    var emptyMessage: String?
    /// The same list as XLSX and CSV.
    var downloads: [LinkView]

    struct ColumnView: Sendable {
        var title: String
        var numeric: Bool
    }

    /// - Parameters:
    ///   - links: a column's key → the address of the record a cell names (`nil`: no link).
    ///   - downloadBase: the list's address; its XLSX and CSV are this with `format=xlsx|csv`.
    init(_ table: ReportTable, links: [String: ([Cell]) -> String?] = [:], downloadBase: String? = nil) {
        self.caption = table.title.isEmpty ? nil : table.title
        let numeric = table.columns.indices.map { i in
            table.rows.contains { $0[i].isNumeric } && table.rows.allSatisfy { $0[i].isNumeric || $0[i] == .empty }
        }
        self.columns = table.columns.enumerated().map { ColumnView(title: $1.title, numeric: numeric[$0]) }
        var body = ""
        for row in table.rows {
            body += "<tr>"
            for (i, cell) in row.enumerated() {
                body += numeric[i] ? "<td class=\"num\">" : "<td>"
                let href = cell == .empty ? nil : links[table.columns[i].key]?(row)
                if let href {
                    body += "<a href=\""
                    HTMLText.append(href, to: &body)
                    body += "\">"
                }
                HTMLText.append(cell.display, to: &body)
                body += href == nil ? "</td>" : "</a></td>"
            }
            body += "</tr>\n"
        }
        self.body = body
        self.emptyMessage = table.rows.isEmpty ? table.emptyMessage : nil
        self.downloads =
            downloadBase.map { base in
                let joiner = base.contains("?") ? "&" : "?"
                return [
                    LinkView(label: "Скачать XLSX", href: base + joiner + "format=xlsx"),
                    LinkView(label: "Скачать CSV", href: base + joiner + "format=csv"),
                ]
            } ?? []
    }
}
