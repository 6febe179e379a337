import Foundation
import NastavnikCore

/// Renders a table as CSV for Excel: RFC 4180 quoting, CRLF, `;` between fields (what Russian
/// Excel expects), UTF-8 with a BOM so Excel reads Cyrillic, or Windows-1251 for old Excel.
public struct CSVRenderer: Sendable {
    public var delimiter: Character
    public var encoding: Encoding

    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case cp1251
    }

    public init(delimiter: Character = ";", encoding: Encoding = .utf8) {
        self.delimiter = delimiter
        self.encoding = encoding
    }

    /// The text of the file, without encoding.
    public func text(_ table: ReportTable) -> String {
        var out = DelimitedText.record(table.columns.map { FormulaGuard.neutralized($0.title) }, delimiter: delimiter)
        for row in table.rows {
            out += DelimitedText.record(row.map(value), delimiter: delimiter)
        }
        return out
    }

    /// Spreadsheet values: numbers with a decimal comma (Russian Excel reads them as numbers),
    /// dates as `ДД.ММ.ГГГГ`, percentages with `%`.
    public func value(_ cell: Cell) -> String {
        switch cell {
        case .text, .list: FormulaGuard.neutralized(cell.display)
        case .number(let v, _): Cell.russianNumber(v, decimals: CSVRenderer.decimals(v))
        case .percent(let v): Cell.russianNumber(v, decimals: CSVRenderer.decimals(v)) + "%"
        default: cell.display
        }
    }

    static func decimals(_ v: Double) -> Int {
        for d in 0...6 where abs(v * pow(10, Double(d)) - (v * pow(10, Double(d))).rounded()) < 1e-9 { return d }
        return 6
    }

    /// The file's bytes.
    public func render(_ table: ReportTable) -> [UInt8] {
        let text = text(table)
        switch encoding {
        case .utf8:
            return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .cp1251:
            var lossy = false
            return Windows1251.encode(text, lossy: &lossy)
        }
    }

    /// Several tables in one file, in order, a blank line between them; one byte-order mark, at the start.
    public func render(_ tables: [ReportTable]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (i, table) in tables.enumerated() {
            var part = render(table)
            if i > 0 {
                if encoding == .utf8 { part.removeFirst(3) }
                bytes += Array("\r\n".utf8)
            }
            bytes += part
        }
        return bytes
    }

    /// Every table of the report in one file, in order, a blank line between them; one byte-order mark, at the start.
    ///
    /// - Parameter titled: each table under a line with its title (the section's when it has
    ///   none), and the charts' data as tables of their own (the municipal report: its figures).
    public func render(_ report: Report, titled: Bool = false) -> [UInt8] {
        let tables = (report.sections + report.appendix).flatMap { section in
            section.blocks.compactMap { block -> ReportTable? in
                switch block {
                case .table(var t) where titled:
                    if t.title.isEmpty { t.title = section.title }
                    return t
                case .table(let t): return t
                case .chart(let chart) where titled: return chart.table
                default: return nil
                }
            }
        }
        guard !tables.isEmpty else { return [] }
        var bytes: [UInt8] = []
        for (i, table) in tables.enumerated() {
            var part = render(table)
            if encoding == .utf8 { part.removeFirst(3) }
            if i > 0 { bytes += Array("\r\n".utf8) }
            if titled {
                bytes += encoded(DelimitedText.record([FormulaGuard.neutralized(table.title)], delimiter: delimiter))
            }
            bytes += part
        }
        return encoding == .utf8 ? [0xEF, 0xBB, 0xBF] + bytes : bytes
    }

    /// Text in the file's encoding, without a byte-order mark.
    private func encoded(_ text: String) -> [UInt8] {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .cp1251:
            var lossy = false
            return Windows1251.encode(text, lossy: &lossy)
        }
    }
}
