import NastavnikCore

/// The body of a WordprocessingML document (`word/document.xml`) as it is written: paragraphs,
/// tables and the section breaks between pages of another orientation, in the markup Word,
/// LibreOffice and python-docx read. Text is set with Russian non-breaking spaces and escaped.
struct WordBody {
    /// A run of text in one format; a tab becomes a tab stop, a line break a break in the line.
    struct Run {
        var text: String
        var bold = false
        var italic = false
        /// Extra space between letters, in twentieths of a point («П Р И К А З»).
        var letterSpacing: Int?
        /// The type's size in points, where it is not the paragraph style's.
        var size: Int?
    }

    /// How a paragraph is set; lengths in twips (1/1440 inch).
    struct Format {
        var style: String?
        var alignment: Alignment?
        var indentLeft: Int?
        var firstLine: Int?
        var spacingBefore: Int?
        /// Kept on one page with the next paragraph (a heading with its text or table).
        var keepNext = false
        /// A tab stop at the right edge of the text: the date on the left and the number on the right.
        var rightTab = false

        static let plain = Format()
    }

    enum Alignment: String {
        case left, center, right
        case justified = "both"
    }

    let layout: DOCXWriter.Layout
    /// `word/document.xml` so far, as UTF-8, from its declaration on (a region's order is a table
    /// of hundreds of thousands of rows: the part is never copied whole).
    private(set) var xml = Array(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(DOCXWriter.wordNamespace)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
        """.utf8)
    /// Whether the current section's pages are landscape.
    private(set) var landscape: Bool
    private var sections = 0

    init(layout: DOCXWriter.Layout, landscape: Bool) {
        self.layout = layout
        self.landscape = landscape
    }

    /// The width of the text on the current section's pages.
    var textWidth: Int { layout.textWidth(landscape: landscape) }

    mutating func paragraph(_ runs: [Run], _ format: Format = .plain) {
        var properties = ""
        if let style = format.style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if format.keepNext { properties += "<w:keepNext/>" }
        if format.rightTab { properties += "<w:tabs><w:tab w:val=\"right\" w:pos=\"\(textWidth)\"/></w:tabs>" }
        if let before = format.spacingBefore { properties += "<w:spacing w:before=\"\(before)\"/>" }
        if format.indentLeft != nil || format.firstLine != nil {
            properties +=
                "<w:ind" + (format.indentLeft.map { " w:left=\"\($0)\"" } ?? "")
                + (format.firstLine.map { " w:firstLine=\"\($0)\"" } ?? "") + "/>"
        }
        if let alignment = format.alignment { properties += "<w:jc w:val=\"\(alignment.rawValue)\"/>" }
        append(
            "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs.map(Self.run).joined()
                + "</w:p>")
    }

    /// A paragraph of one run.
    mutating func paragraph(_ text: String, _ format: Format = .plain, bold: Bool = false, italic: Bool = false) {
        paragraph([Run(text: text, bold: bold, italic: italic)], format)
    }

    /// An empty line.
    mutating func emptyLine() { append("<w:p/>") }

    private mutating func append(_ text: String) { xml.append(contentsOf: text.utf8) }

    /// A table as a real table: its title above it, a bold header row repeated at the top of every
    /// page, numbers on the right; without rows, its empty message instead.
    mutating func table(_ table: ReportTable) {
        if !table.title.isEmpty { paragraph(table.title, Format(keepNext: true), bold: true) }
        guard !table.rows.isEmpty, !table.columns.isEmpty else {
            paragraph(table.emptyMessage, italic: true)
            return
        }
        // A table too wide for its longest words gets a smaller type (ГОСТ Р 7.0.97-2016 §5.1 allows it in tables).
        let set = Self.setCells(table)
        let measures = set.measures
        var size = layout.tableFontSize
        while size > layout.smallestTableFontSize,
            Self.demands(measures, characterWidth: size * 11).least.reduce(0, +) > textWidth
        {
            size -= 1
        }
        let runSize = size == layout.tableFontSize ? nil : size
        let widths = Self.columnWidths(measures, total: textWidth, characterWidth: size * 11)
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        append(
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblBorders>"
                + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
                + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"\(Self.cellMargin)\" w:type=\"dxa\"/><w:right w:w=\"\(Self.cellMargin)\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
                + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>")
        // The header row repeats at the top of each page (w:tblHeader) and is never split.
        append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        for (column, width) in zip(table.columns, widths) {
            append(
                cell(
                    width: width, style: DOCXWriter.Style.tableHeading, text: column.title, alignment: nil,
                    size: runSize))
        }
        append("</w:tr>")
        let rowStart = xml.count
        // A cell is its column's opening (width, style, a number's right alignment), its text's
        // run, set once per distinct text by `setCells`, and the closing: as `cell` writes it.
        let runOpen = Array(Self.run(Run(text: "", size: runSize)).utf8.dropLast("</w:r>".utf8.count))
        let openings = widths.flatMap { width in
            [nil, Alignment.right].map { alignment in
                Array(
                    cell(width: width, style: DOCXWriter.Style.tableText, text: "", alignment: alignment, size: nil)
                        .utf8.dropLast("</w:p></w:tc>".utf8.count))
            }
        }
        let columns = widths.count
        for r in table.rows.indices {
            if r == 1 {
                // Room for the rest at the first row's size, and a quarter more: the part is
                // not moved to a larger buffer again and again.
                let first = xml.count - rowStart
                xml.reserveCapacity(xml.count + (table.rows.count - 1) * first * 5 / 4)
            }
            xml.append(contentsOf: "<w:tr>".utf8)
            for c in 0..<columns {
                let id = Int(set.cells[r * columns + c])
                let slot = c * 2 + (id & 1)
                xml.append(contentsOf: openings[slot])
                let text = set.texts[slot][id >> 1]
                if !text.isEmpty {
                    xml.append(contentsOf: runOpen)
                    xml.append(contentsOf: text)
                    xml.append(contentsOf: "</w:r>".utf8)
                }
                xml.append(contentsOf: "</w:p></w:tc>".utf8)
            }
            xml.append(contentsOf: "</w:tr>".utf8)
        }
        // A paragraph after the table keeps the next table apart (Word would join them).
        append("</w:tbl>")
        emptyLine()
    }

    private func cell(width: Int, style: String, text: String, alignment: Alignment?, size: Int?) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>"
            + (alignment.map { "<w:jc w:val=\"\($0.rawValue)\"/>" } ?? "") + "</w:pPr>"
            + (text.isEmpty ? "" : Self.run(Run(text: text, size: size))) + "</w:p></w:tc>"
    }

    /// Ends the current section (its pages' size, orientation and margins) and starts the next
    /// one on a new page.
    mutating func newSection(landscape next: Bool) {
        append("<w:p><w:pPr>\(sectionProperties())</w:pPr></w:p>")
        sections += 1
        landscape = next
    }

    /// `word/document.xml`: the body closed by its last section's properties.
    mutating func document() -> [UInt8] {
        append(sectionProperties() + "</w:body></w:document>")
        var out: [UInt8] = []
        swap(&out, &xml)
        return out
    }

    /// A4 in the section's orientation with the margins of the layout; page numbers in the header
    /// from the second page on (ГОСТ Р 7.0.97-2016 §5.1: numbered in the middle of the top margin,
    /// the first page not numbered).
    private func sectionProperties() -> String {
        let (width, height) =
            landscape ? (DOCXWriter.a4Height, DOCXWriter.a4Width) : (DOCXWriter.a4Width, DOCXWriter.a4Height)
        let m = layout.marginsInTwips
        return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"\(DOCXWriter.headerRelationship)\"/>"
            + "<w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"" + (landscape ? " w:orient=\"landscape\"" : "") + "/>"
            + "<w:pgMar w:top=\"\(m.top)\" w:right=\"\(m.right)\" w:bottom=\"\(m.bottom)\" w:left=\"\(m.left)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + (sections == 0 ? "<w:titlePg/>" : "") + "</w:sectPr>"
    }

    /// A run: the text with Russian non-breaking spaces, escaped, tabs and line breaks as elements.
    static func run(_ run: Run) -> String {
        var properties = ""
        if run.bold { properties += "<w:b/><w:bCs/>" }
        if run.italic { properties += "<w:i/><w:iCs/>" }
        if let spacing = run.letterSpacing { properties += "<w:spacing w:val=\"\(spacing)\"/>" }
        if let size = run.size { properties += "<w:sz w:val=\"\(size * 2)\"/><w:szCs w:val=\"\(size * 2)\"/>" }
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + content(run.text) + "</w:r>"
    }

    /// A run's text: set with Russian non-breaking spaces and escaped, tabs and line breaks as elements.
    static func content(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else {
            // One line of one piece: a table's cell, most often.
            return text.isEmpty
                ? "" : "<w:t xml:space=\"preserve\">\(Typography.escape(Typography.russian(text)))</w:t>"
        }
        var out = ""
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if n > 0 { out += "<w:br/>" }
            for (t, piece) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if t > 0 { out += "<w:tab/>" }
                if !piece.isEmpty {
                    out += "<w:t xml:space=\"preserve\">\(Typography.escape(Typography.russian(String(piece))))</w:t>"
                }
            }
        }
        return out
    }

    /// What a column's text asks of its width, whatever the type's size, in characters: its
    /// longest word (the header's counted a sixth wider, as bold) and its longest line.
    struct ColumnMeasure {
        var word: Int
        var longest: Int
    }

    /// Each column of `table` measured.
    static func measures(_ table: ReportTable) -> [ColumnMeasure] { setCells(table).measures }

    /// A table's cells set once per distinct text of a column: the columns' measures, each
    /// distinct text's run content (`texts[column * 2 + numeric]`, empty for an empty cell), and
    /// each cell's text (`cells[row * columns + column]`: its index × 2, plus 1 for a number, whose
    /// cell is aligned right). A region's order repeats the municipality, school and course down
    /// hundreds of thousands of rows: each is set, escaped and measured once, and each cell's text
    /// hashed once, by its bytes (Swift's `String` hashing normalizes Cyrillic text each time).
    static func setCells(_ table: ReportTable) -> (measures: [ColumnMeasure], texts: [[[UInt8]]], cells: [Int32]) {
        let columns = table.columns.count
        var measures = table.columns.map { column in
            let title = longest(Typography.russian(column.title))
            // The header is bold: its letters are about a sixth wider.
            return ColumnMeasure(word: max(3, (title.word * 7 + 5) / 6), longest: title.line)
        }
        var known = [[UTF8Key: Int32]](repeating: [:], count: columns * 2)
        var texts = [[[UInt8]]](repeating: [], count: columns * 2)
        var cells = [Int32](repeating: 0, count: table.rows.count * columns)
        for (r, row) in table.rows.enumerated() {
            for c in 0..<columns {
                let value = c < row.count ? row[c] : .empty
                let text = value.display
                let numeric = value.isNumeric ? 1 : 0
                let slot = c * 2 + numeric
                let key = UTF8Key(text)
                if let id = known[slot][key] {
                    cells[r * columns + c] = id
                    continue
                }
                let id = Int32(texts[slot].count * 2 + numeric)
                known[slot][key] = id
                cells[r * columns + c] = id
                // A line of one piece is set once for both its run and its measure.
                let oneLine = !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 })
                let set = Typography.russian(text)
                texts[slot].append(
                    Array(
                        (oneLine
                            ? (text.isEmpty ? "" : "<w:t xml:space=\"preserve\">\(Typography.escape(set))</w:t>")
                            : content(text)).utf8))
                let measured = longest(set)
                measures[c].word = max(measures[c].word, measured.word)
                measures[c].longest = max(measures[c].longest, measured.line)
            }
        }
        return (measures, texts, cells)
    }

    /// A text's longest word and longest line, in characters. A line may break at a space or
    /// after a hyphen («Информационно-|методический»): a piece after a hyphen counts the hyphen.
    static func longest(_ text: String) -> (word: Int, line: Int) {
        if let counted = text.utf8.withContiguousStorageIfAvailable({ longestByBytes($0) }) ?? nil { return counted }
        return longestByCharacters(text)
    }

    static func longestByCharacters(_ text: String) -> (word: Int, line: Int) {
        var word = 0
        var line = 0
        var piece = 0
        var pieces = 0
        var length = 0
        func endPiece() {
            if piece > 0 {
                word = max(word, piece + (pieces > 0 ? 1 : 0))
                pieces += 1
            }
            piece = 0
        }
        for character in text {
            switch character {
            case " ":
                endPiece()
                pieces = 0
                length += 1
            case "\n":
                endPiece()
                pieces = 0
                line = max(line, length)
                length = 0
            case "-":
                endPiece()
                length += 1
            default:
                piece += 1
                length += 1
            }
        }
        endPiece()
        return (word, max(line, length))
    }

    /// `longest` counted on the bytes, for text whose every scalar is a character of its own
    /// (Latin, Cyrillic, the common punctuation; no combining marks, no «\r\n»); nil otherwise.
    static func longestByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> (word: Int, line: Int)? {
        var word = 0
        var line = 0
        var piece = 0
        var pieces = 0
        var length = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x20, 0x0A, 0x2D:
                if piece > 0 {
                    word = max(word, piece + (pieces > 0 ? 1 : 0))
                    pieces += 1
                }
                piece = 0
                if byte == 0x0A {
                    line = max(line, length)
                    length = 0
                } else {
                    length += 1
                }
                if byte != 0x2D { pieces = 0 }
            case 0x0D:
                return nil
            default:
                guard let scalar = TextTableRenderer.oneColumnScalarLength(bytes, at: i) else { return nil }
                piece += 1
                length += 1
                i += scalar - 1
            }
            i += 1
        }
        if piece > 0 { word = max(word, piece + (pieces > 0 ? 1 : 0)) }
        return (word, max(line, length))
    }

    /// The width each column of `table` needs at the least (its longest word) and would like
    /// (its longest text, up to 40 characters), in twips.
    static func demands(_ table: ReportTable, characterWidth: Int) -> (least: [Int], wanted: [Int]) {
        demands(measures(table), characterWidth: characterWidth)
    }

    static func demands(_ measures: [ColumnMeasure], characterWidth: Int) -> (least: [Int], wanted: [Int]) {
        // The cell's margins on both sides, and a little air.
        let padding = 2 * cellMargin + 30
        let least = measures.map { $0.word * characterWidth + padding }
        let wanted = zip(measures, least).map { max($1, min($0.longest, 40) * characterWidth + padding) }
        return (least, wanted)
    }

    /// The widths of a table's columns, in twips, adding up to `total`. Each column first gets
    /// room for its longest word (words bound by no-break spaces count as one), so that no word is
    /// broken; what is left goes to the columns of longer text, in proportion to how much more
    /// than that they want (their longest text, up to 40 characters). `characterWidth`: the
    /// width of a character of the table's type; Cyrillic letters of Times New Roman average a
    /// little over half the size (12 pt: 132 twips).
    static func columnWidths(_ table: ReportTable, total: Int, characterWidth: Int = 132) -> [Int] {
        columnWidths(measures(table), total: total, characterWidth: characterWidth)
    }

    static func columnWidths(_ measures: [ColumnMeasure], total: Int, characterWidth: Int = 132) -> [Int] {
        let (least, wanted) = demands(measures, characterWidth: characterWidth)
        let leastSum = least.reduce(0, +)
        var widths: [Int]
        if leastSum >= total {
            widths = least.map { $0 * total / leastSum }
        } else {
            let more = zip(wanted, least).map { $0 - $1 }
            let moreSum = more.reduce(0, +)
            let spare = total - leastSum
            widths =
                moreSum == 0 || moreSum <= spare
                // All fit: the rest of the line in proportion to what each wants.
                ? wanted.map { $0 * total / wanted.reduce(0, +) }
                : zip(least, more).map { $0 + $1 * spare / moreSum }
        }
        widths[widths.count - 1] += total - widths.reduce(0, +)
        return widths
    }

    /// The left and right margins of a table's cells, in twips (1 mm).
    static let cellMargin = 57
}
