import Foundation
import NastavnikCore

/// Writes a workbook in SpreadsheetML (Office Open XML): one sheet per section, a bold header
/// row frozen in place, columns fitted to their content, numbers as numbers, dates as dates and
/// percentages as percentages, so that Excel and LibreOffice can sort and sum them.
public struct XLSXWriter: Sendable {
    /// One worksheet: its name and the tables stacked on it, a blank row apart.
    public struct Sheet: Sendable, Equatable {
        public var name: String
        public var tables: [ReportTable]
        /// Cells to fill red, for a user to find what to fix: by table, then row, then column,
        /// each from 0 (the header row is not counted).
        public var flagged: Set<CellAddress>
        public init(name: String, tables: [ReportTable], flagged: Set<CellAddress> = []) {
            self.name = name
            self.tables = tables
            self.flagged = flagged
        }
    }

    /// A cell of a sheet's table: its table, its row below the header and its column, from 0.
    public struct CellAddress: Hashable, Sendable {
        public var table: Int
        public var row: Int
        public var column: Int
        public init(table: Int = 0, row: Int, column: Int) {
            self.table = table
            self.row = row
            self.column = column
        }
    }

    public init() {}

    /// Sheets for a report: one per section, then one per list of its appendix; charts
    /// contribute their data tables, and paragraphs and notes a line of text (a table without columns).
    public static func sheets(for report: Report) -> [Sheet] {
        (report.sections + report.appendix).map { section in
            var tables: [ReportTable] = []
            for block in section.blocks {
                switch block {
                case .table(let table): tables.append(table)
                case .chart(let chart): tables.append(chart.table)
                case .paragraph(let text), .note(let text):
                    tables.append(ReportTable(title: text, columns: []))
                }
            }
            return Sheet(name: section.title, tables: tables)
        }
    }

    /// A document's appendix tables (an order's lists) as one sheet «Документ».
    public func render(_ document: Document) throws -> [UInt8] {
        let tables = document.appendices.flatMap { appendix in
            appendix.blocks.compactMap { block -> ReportTable? in
                if case .table(let table) = block { return table }
                return nil
            }
        }
        return try render(sheets: [Sheet(name: "Документ", tables: tables)], title: document.subject)
    }

    public func render(_ report: Report) throws -> [UInt8] {
        try render(sheets: Self.sheets(for: report), title: report.title)
    }

    /// The workbook's bytes.
    public func render(sheets: [Sheet], title: String = "") throws -> [UInt8] {
        let names = Self.sheetNames(sheets.map(\.name))
        var parts: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", contentTypes(count: sheets.count)),
            ("_rels/.rels", rootRels),
            ("docProps/core.xml", OfficePackage.coreProperties(title: title)),
            ("xl/workbook.xml", workbook(names: names)),
            ("xl/_rels/workbook.xml.rels", workbookRels(count: sheets.count)),
            ("xl/styles.xml", Self.styles),
        ].map { ($0.0, Array($0.1.utf8)) }
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet)))
        }
        return try OfficePackage.zip(bytes: parts)
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique.
    /// The longest sheet name Excel takes.
    static let sheetNameLimit = 31

    static func sheetNames(_ wanted: [String]) -> [String] {
        var used = Set<String>()
        return wanted.enumerated().map { index, name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
            if clean.isEmpty { clean = "Лист \(index + 1)" }
            var candidate = String(clean.prefix(sheetNameLimit))
            var n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(clean.prefix(sheetNameLimit - suffix.count)) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    private func x(_ s: String) -> String { Typography.escape(s) }

    private func contentTypes(count: Int) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
            """
        for i in 0..<count {
            s +=
                "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return s + "</Types>"
    }

    private let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
        """

    private func workbook(names: [String]) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """
        for (i, name) in names.enumerated() {
            s += "<sheet name=\"\(x(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return s + "</sheets></workbook>"
    }

    private func workbookRels(count: Int) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for i in 0..<count {
            s +=
                "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        s +=
            "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return s + "</Relationships>"
    }

    /// Style indexes: 0 normal, 1 bold header, 2 date, 3 percent (0.0 %), 4 decimal (0.0#),
    /// 5 bold title, 6 wrapped text.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="0.0##"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEDF2F7"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FF718096"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """

    /// The column letters of a 1-based index: 1 → A, 27 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The style of a flagged cell: a light red fill, as Excel's «Светло-красная заливка».
    static let flaggedStyle = 7

    /// Days since 30.12.1899, the date serial of Excel's 1900 system.
    static func serial(_ date: LocalDate) -> Int {
        LocalDate(year: 1899, month: 12, day: 30)!.days(until: date)
    }

    /// A cell's address as bytes: its column's letters and its row's number («B», «7»).
    typealias CellRef = (column: [UInt8], row: [UInt8])

    /// Appends a cell's XML (nothing for an empty one) to `out`.
    private func cellXML(_ cell: Cell, ref: CellRef, style: Int? = nil, into out: inout [UInt8]) {
        func open(_ style: Int?) {
            out.append(contentsOf: #"<c r=""#.utf8)
            out.append(contentsOf: ref.column)
            out.append(contentsOf: ref.row)
            if let style {
                out.append(contentsOf: #"" s=""#.utf8)
                out.append(contentsOf: String(style).utf8)
            }
            out.append(contentsOf: #""><v>"#.utf8)
        }
        func text(_ s: String, style: Int) {
            // Inline strings are never formulas here, but a user may save the sheet as CSV.
            guard !s.isEmpty else { return }
            out.append(contentsOf: #"<c r=""#.utf8)
            out.append(contentsOf: ref.column)
            out.append(contentsOf: ref.row)
            out.append(contentsOf: #"" t="inlineStr""#.utf8)
            if style != 0 {
                out.append(contentsOf: #" s=""#.utf8)
                out.append(contentsOf: String(style).utf8)
                out.append(0x22)
            }
            out.append(contentsOf: #"><is><t xml:space="preserve">"#.utf8)
            out.append(contentsOf: x(FormulaGuard.neutralized(s)).utf8)
            out.append(contentsOf: "</t></is></c>".utf8)
        }
        switch cell {
        case .empty: return
        case .integer(let v):
            open(style)
            out.append(contentsOf: String(v).utf8)
        case .number(let v, _):
            guard v.isFinite else { return }
            open(4)
            out.append(contentsOf: "\(v)".utf8)
        case .percent(let v):
            guard v.isFinite else { return }
            open(3)
            out.append(contentsOf: "\(v / 100)".utf8)
        case .date(let d):
            open(2)
            out.append(contentsOf: String(Self.serial(d)).utf8)
        case .bool(let b): return text(b ? "да" : "нет", style: style ?? 0)
        case .text(let s):
            let multiline = s.utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) } ?? s.utf8.contains(0x0A)
            return text(s, style: style ?? (multiline ? 6 : 0))
        case .list: return text(cell.display, style: style ?? 0)
        }
        out.append(contentsOf: "</v></c>".utf8)
    }

    /// A worksheet's XML, written as bytes (a region's order is a sheet of hundreds of
    /// thousands of rows: no string per row or cell is made).
    private func worksheet(_ sheet: Sheet) -> [UInt8] {
        var data: [UInt8] = []
        var widths: [Int: Int] = [:]
        var freezeRow: Int?
        var r = 0
        func fit(_ column: Int, _ text: String) {
            let current = widths[column] ?? 6
            // A text's width is at most its UTF-8 length (a wide character takes three bytes or
            // more): one that cannot widen the column is not measured, nor any once the column
            // is as wide as it gets.
            if text.utf8.count + 2 <= current || current >= 60 {
                widths[column] = current
                return
            }
            let longest =
                text.utf8.contains(0x0A)
                ? text.split(separator: "\n").map { TextTableRenderer.width(String($0)) }.max() ?? 0
                : TextTableRenderer.width(text)
            widths[column] = max(current, min(60, longest + 2))
        }
        var letters: [[UInt8]] = []
        var digits: [UInt8] = []
        func ref(_ column: Int, _ row: Int) -> CellRef {
            while letters.count < column { letters.append(Array(Self.columnName(letters.count + 1).utf8)) }
            return (letters[column - 1], digits)
        }
        func openRow(_ row: Int) {
            digits = Array(String(row).utf8)
            data.append(contentsOf: #"<row r=""#.utf8)
            data.append(contentsOf: digits)
            data.append(contentsOf: #"">"#.utf8)
        }
        for (t, table) in sheet.tables.enumerated() {
            if t > 0 { r += 1 }
            if !table.title.isEmpty {
                r += 1
                // A table's title is bold; a table without columns is a line of text.
                openRow(r)
                cellXML(.text(table.title), ref: ref(1, r), style: table.columns.isEmpty ? 0 : 5, into: &data)
                data.append(contentsOf: "</row>".utf8)
            }
            if table.columns.isEmpty { continue }
            r += 1
            if freezeRow == nil, !table.rows.isEmpty { freezeRow = r }
            openRow(r)
            for (i, column) in table.columns.enumerated() {
                fit(i + 1, column.title)
                cellXML(.text(column.title), ref: ref(i + 1, r), style: 1, into: &data)
            }
            data.append(contentsOf: "</row>".utf8)
            let flagged = !sheet.flagged.isEmpty
            for (n, row) in table.rows.enumerated() {
                r += 1
                openRow(r)
                for (i, cell) in row.enumerated() {
                    switch cell {
                    case .empty: fit(i + 1, "")
                    case .text(let s): fit(i + 1, s)
                    default: fit(i + 1, cell.isNumeric ? cell.display + "  " : cell.display)
                    }
                    guard flagged, sheet.flagged.contains(CellAddress(table: t, row: n, column: i)) else {
                        if cell != .empty { cellXML(cell, ref: ref(i + 1, r), into: &data) }
                        continue
                    }
                    // An empty cell that must be filled in is written, to carry its fill.
                    if cell == .empty {
                        let at = ref(i + 1, r)
                        data.append(contentsOf: #"<c r=""#.utf8)
                        data.append(contentsOf: at.column)
                        data.append(contentsOf: at.row)
                        data.append(contentsOf: #"" s="\#(Self.flaggedStyle)"/>"#.utf8)
                    } else {
                        cellXML(cell, ref: ref(i + 1, r), style: Self.flaggedStyle, into: &data)
                    }
                }
                data.append(contentsOf: "</row>".utf8)
            }
        }
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """
        if let freezeRow {
            s +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(freezeRow)\" topLeftCell=\"A\(freezeRow + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A\(freezeRow + 1)\" sqref=\"A\(freezeRow + 1)\"/></sheetView></sheetViews>"
        } else {
            s += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        }
        s += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            s +=
                "<cols>"
                + widths.keys.sorted().map { c in
                    "<col min=\"\(c)\" max=\"\(c)\" width=\"\(widths[c]!)\" customWidth=\"1\"/>"
                }.joined() + "</cols>"
        }
        s += "<sheetData>"
        var whole = Array(s.utf8)
        whole.reserveCapacity(whole.count + data.count + 32)
        whole.append(contentsOf: data)
        whole.append(contentsOf: "</sheetData></worksheet>".utf8)
        return whole
    }
}
