import Foundation
import NastavnikReports

/// A table as the `table` template shows it: built from the same `ReportTable` the command line
/// prints and the downloads render, with links from cells to the records they name.
struct TableView: Sendable {
    var caption: String?
    var columns: [ColumnView]
    var rows: [RowView]
    /// What the table says when it has no rows.
    var emptyMessage: String?
    /// The same list as XLSX and CSV.
    var downloads: [LinkView]

    struct ColumnView: Sendable {
        var title: String
        var numeric: Bool
    }

    struct RowView: Sendable {
        var cells: [CellView]
    }

    struct CellView: Sendable {
        var text: String
        var href: String?
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
        self.rows = table.rows.map { row in
            RowView(
                cells: row.enumerated().map { i, cell in
                    let key = table.columns[i].key
                    return CellView(
                        text: cell.display, href: cell == .empty ? nil : links[key]?(row), numeric: numeric[i])
                })
        }
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
