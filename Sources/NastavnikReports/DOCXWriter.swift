import Foundation
import NastavnikCore

/// Writes documents as Word files (WordprocessingML, Office Open XML) that open in Word,
/// LibreOffice and python-docx: an order with its requisites laid out as ГОСТ Р 7.0.97-2016 lays
/// them out, and a report (an invitation, the printed plans) with its tables as real tables.
public struct DOCXWriter: Sendable {
    /// The page and the type. The defaults are ГОСТ Р 7.0.97-2016 §5.1's.
    public struct Layout: Sendable, Equatable {
        /// §5.1: Times New Roman, Arial or Verdana.
        public var font = "Times New Roman"
        /// §5.1: 12, 13 or 14 pt; 14 here.
        public var fontSize = 14
        /// §5.1 allows a smaller type in tables: 12 pt.
        public var tableFontSize = 12
        /// A table whose longest words do not fit the page at `tableFontSize` is set smaller, down
        /// to this size, before its words are broken: a judgement, 10 pt still reads in print.
        public var smallestTableFontSize = 10
        /// §5.1: margins of at least 20 mm on the left, top and bottom and 10 mm on the right.
        public var topMargin = 20.0
        public var rightMargin = 10.0
        public var bottomMargin = 20.0
        public var leftMargin = 20.0
        /// §5.1: the first line of a paragraph is indented by 1.25 cm.
        public var paragraphIndentMillimetres = 12.5
        /// A section with a table of more columns than this is set on landscape pages: a judgement,
        /// six columns of 12 pt type fit the 180 mm of an A4 page's text without breaking words.
        public var landscapeColumns = 6

        public init() {}

        var marginsInTwips: (top: Int, right: Int, bottom: Int, left: Int) {
            (Self.twips(topMargin), Self.twips(rightMargin), Self.twips(bottomMargin), Self.twips(leftMargin))
        }

        var paragraphIndent: Int { Self.twips(paragraphIndentMillimetres) }

        /// Millimetres in twips (1/1440 inch), rounded.
        static func twips(_ millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

        /// The width of the text between the margins.
        func textWidth(landscape: Bool) -> Int {
            (landscape ? DOCXWriter.a4Height : DOCXWriter.a4Width) - marginsInTwips.left - marginsInTwips.right
        }
    }

    public var layout: Layout

    public init(layout: Layout = Layout()) { self.layout = layout }

    /// A4, 210 × 297 mm, in twips.
    static let a4Width = 11906
    static let a4Height = 16838
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let headerRelationship = "rId3"

    /// The paragraph styles of `word/styles.xml`.
    enum Style {
        /// Justified, the first line indented: the text of a document.
        static let text = "DocumentText"
        static let tableText = "TableText"
        static let tableHeading = "TableHeading"
    }

    /// An order or a letter: the body's name, the kind («ПРИКАЗ»), the date on the left and the
    /// number on the right (blanks «___» where not yet known), the place, the title, the preamble
    /// ending in «приказываю:», the numbered points, the signature (the position on the left, the
    /// name on the right), then each appendix on a new page with its mark in the top right corner
    /// («Приложение к приказу от … № …») and its tables.
    public func render(_ document: Document) throws -> [UInt8] {
        var body = WordBody(layout: layout, landscape: false)
        let text = WordBody.Format(style: Style.text)
        for line in document.organisation {
            body.paragraph(line, WordBody.Format(alignment: .center), bold: true)
        }
        body.emptyLine()
        body.paragraph(
            [WordBody.Run(text: document.kind, bold: true, letterSpacing: 60)], WordBody.Format(alignment: .center))
        body.emptyLine()
        let dateLine = document.dateLine
        body.paragraph(dateLine.date + "\t" + dateLine.number, WordBody.Format(rightTab: true))
        if let place = document.place { body.paragraph(place, WordBody.Format(alignment: .center)) }
        body.emptyLine()
        body.paragraph(document.subject, WordBody.Format(alignment: .center, keepNext: true), bold: true)
        body.emptyLine()
        body.paragraph(
            [WordBody.Run(text: document.preamble + " "), WordBody.Run(text: document.operative, bold: true)], text)
        func points(_ list: [Document.Point], prefix: String) {
            for (i, point) in list.enumerated() {
                let number = prefix + "\(i + 1)."
                body.paragraph(number + " " + point.text, text)
                for item in point.items { body.paragraph("– " + item, text) }
                points(point.subpoints, prefix: number)
            }
        }
        points(document.points, prefix: "")
        body.emptyLine()
        body.emptyLine()
        body.paragraph(document.signatoryPosition + "\t" + document.signatoryName, WordBody.Format(rightTab: true))
        for (i, appendix) in document.appendices.enumerated() {
            body.newSection(landscape: isWide(appendix.blocks))
            // The mark takes the right part of the line, as wide as half of a portrait page's text.
            let mark = WordBody.Format(indentLeft: body.textWidth - layout.textWidth(landscape: false) / 2)
            body.paragraph("Приложение" + (document.appendices.count > 1 ? " № \(i + 1)" : ""), mark)
            body.paragraph("к " + Self.dative(document.kind), mark)
            body.paragraph("от " + dateLine.date + " " + dateLine.number, mark)
            body.emptyLine()
            let heading = Self.appendixHeading(appendix.title)
            body.paragraph(heading, WordBody.Format(alignment: .center, keepNext: true), bold: true)
            body.emptyLine()
            for block in appendix.blocks { add(block, to: &body, under: heading) }
        }
        return try package(body, title: document.subject)
    }

    /// A report: its title and subtitle, each section under its heading, tables as real tables
    /// and charts as their data tables. With `pageBreakBetweenSections` each section starts a new
    /// page (a teacher's plan, the registration sheet) and is landscape where its tables are wide;
    /// otherwise the whole report is, if any table is.
    public func render(_ report: Report, pageBreakBetweenSections: Bool = false) throws -> [UInt8] {
        let wide = report.sections.map { isWide($0.blocks) }
        var body = WordBody(
            layout: layout, landscape: pageBreakBetweenSections ? wide.first ?? false : wide.contains(true))
        body.paragraph(report.title, WordBody.Format(alignment: .center, keepNext: true), bold: true)
        if let subtitle = report.subtitle, !subtitle.isEmpty {
            body.paragraph(subtitle, WordBody.Format(alignment: .center))
        }
        for (i, section) in report.sections.enumerated() {
            if pageBreakBetweenSections, i > 0 { body.newSection(landscape: wide[i]) }
            body.paragraph(section.title, WordBody.Format(spacingBefore: 240, keepNext: true), bold: true)
            for block in section.blocks { add(block, to: &body) }
        }
        return try package(body, title: report.title)
    }

    /// Adds a block; a table whose title repeats the `heading` above it loses the title.
    private func add(_ block: ReportBlock, to body: inout WordBody, under heading: String? = nil) {
        switch block {
        case .paragraph(let text): body.paragraph(text, WordBody.Format(style: Style.text))
        case .note(let text): body.paragraph(text, WordBody.Format(style: Style.text), italic: true)
        case .table(var table):
            if table.title == heading { table.title = "" }
            body.table(table)
        case .chart(let chart): body.table(chart.table)
        }
    }

    private func isWide(_ blocks: [ReportBlock]) -> Bool {
        blocks.contains { block in
            switch block {
            case .table(let table): table.columns.count > layout.landscapeColumns
            case .chart(let chart): chart.table.columns.count > layout.landscapeColumns
            case .paragraph, .note: false
            }
        }
    }

    /// «к приказу», «к распоряжению»: the kind of the document after «к».
    static func dative(_ kind: String) -> String {
        switch kind.lowercased() {
        case "приказ": "приказу"
        case "распоряжение": "распоряжению"
        case "постановление": "постановлению"
        case "решение": "решению"
        default: "документу"
        }
    }

    /// An appendix's title without the words «Приложение к приказу.» that its mark already says:
    /// «Приложение к приказу. График курсовой подготовки» → «График курсовой подготовки».
    static func appendixHeading(_ title: String) -> String {
        guard title.lowercased().hasPrefix("приложение"), let dot = title.range(of: ". ") else { return title }
        let rest = title[dot.upperBound...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? title : rest
    }

    private func package(_ body: consuming WordBody, title: String) throws -> [UInt8] {
        try OfficePackage.zip(bytes: [
            ("[Content_Types].xml", Array(Self.contentTypes.utf8)),
            ("_rels/.rels", Array(Self.rootRelationships.utf8)),
            ("docProps/core.xml", Array(OfficePackage.coreProperties(title: title).utf8)),
            ("docProps/app.xml", Array(Self.appProperties.utf8)),
            ("word/document.xml", body.document()),
            ("word/_rels/document.xml.rels", Array(Self.documentRelationships.utf8)),
            ("word/styles.xml", Array(styles.utf8)),
            ("word/settings.xml", Array(Self.settings.utf8)),
            ("word/header1.xml", Array(Self.header.utf8)),
        ])
    }

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
        """

    private static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
        """

    private static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="\(headerRelationship)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>
        """

    private static let appProperties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Наставник</Application></Properties>
        """

    private static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="\(wordNamespace)"><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
        """

    /// The page number in the middle of the top margin.
    private static let header = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="\(wordNamespace)"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>
        """

    /// The type of the whole document (the font and size, Russian), single line spacing, and the
    /// paragraph styles: the text, a table's cells and its header.
    private var styles: String {
        let font = Typography.escape(layout.font)
        let size = layout.fontSize * 2
        let tableSize = layout.tableFontSize * 2
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="\(Self.wordNamespace)"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="\(font)" w:hAnsi="\(font)" w:eastAsia="\(font)" w:cs="\(font)"/><w:sz w:val="\(size)"/><w:szCs w:val="\(size)"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="\(Style.text)"><w:name w:val="Текст документа"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLine="\(layout.paragraphIndent)"/><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="\(Style.tableText)"><w:name w:val="Текст таблицы"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="\(tableSize)"/><w:szCs w:val="\(tableSize)"/></w:rPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="\(Style.tableHeading)"><w:name w:val="Заголовок таблицы"/><w:basedOn w:val="\(Style.tableText)"/><w:qFormat/><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style></w:styles>
            """
    }
}
