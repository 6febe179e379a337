import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A written Word document (.docx) read back for a test: its parts, and its body as paragraphs
/// and tables in order, with the pages' size and margins. Read with FoundationXML's parser, not
/// with the code that wrote it.
public struct WordDocument {
    /// One element of the body: a paragraph or a table.
    public enum Block: Equatable {
        case paragraph(Paragraph)
        case table(Table)
    }

    public struct Paragraph: Equatable {
        /// The text of its runs; a tab is «\t», a line break «\n», a no-break space a space.
        public var text: String
        /// Whether every run with text is bold.
        public var bold: Bool
        public var style: String?
        /// `w:jc`: center, right, both.
        public var alignment: String?
    }

    public struct Table: Equatable {
        /// The text of each cell, row by row (its paragraphs a line each, no-break spaces as spaces).
        public var rows: [[String]]
        /// The rows marked to repeat at the top of each page.
        public var headerRows: Int
        /// The widths of the grid's columns, in twips.
        public var columnWidths: [Int]
    }

    /// A section's pages: size in twips, landscape or not, margins (top, right, bottom, left).
    public struct Page: Equatable {
        public var width: Int
        public var height: Int
        public var landscape: Bool
        public var margins: [Int]

        public init(width: Int, height: Int, landscape: Bool, margins: [Int]) {
            self.width = width
            self.height = height
            self.landscape = landscape
            self.margins = margins
        }
    }

    /// The parts by path in the archive, as text.
    public let parts: [String: String]
    public let blocks: [Block]
    /// The pages of each section, in order.
    public let pages: [Page]

    public init(bytes: [UInt8]) throws {
        let parts = try ZIPParts.read(bytes)
        self.parts = parts
        let root = try Node.parse(Data((parts["word/document.xml"] ?? "").utf8))
        guard let body = root.first("w:body") else { throw ReadError.noBody }
        var blocks: [Block] = []
        for child in body.children {
            if child.name == "w:p" {
                blocks.append(.paragraph(Self.paragraph(child)))
            } else if child.name == "w:tbl" {
                blocks.append(
                    .table(
                        Table(
                            rows: child.all("w:tr").map { row in
                                row.all("w:tc").map { cell in
                                    cell.all("w:p").map { Self.paragraph($0).text }.joined(separator: "\n")
                                }
                            },
                            headerRows: child.all("w:tr").filter { $0.first("w:trPr")?.first("w:tblHeader") != nil }
                                .count,
                            columnWidths: child.first("w:tblGrid")?.all("w:gridCol").compactMap {
                                Int($0.attributes["w:w"] ?? "")
                            } ?? [])))
            }
        }
        self.blocks = blocks
        pages = root.descendants("w:sectPr").map { section in
            let size = section.first("w:pgSz")?.attributes ?? [:]
            let margins = section.first("w:pgMar")?.attributes ?? [:]
            return Page(
                width: Int(size["w:w"] ?? "") ?? 0, height: Int(size["w:h"] ?? "") ?? 0,
                landscape: size["w:orient"] == "landscape",
                margins: ["w:top", "w:right", "w:bottom", "w:left"].map { Int(margins[$0] ?? "") ?? 0 })
        }
    }

    public enum ReadError: Error {
        case noBody
        case malformed(String)
    }

    /// The texts of the body's paragraphs outside tables, empty ones left out.
    public var paragraphs: [String] {
        blocks.compactMap { if case .paragraph(let p) = $0, !p.text.isEmpty { p.text } else { nil } }
    }

    /// The paragraph whose text is `text`, with its format.
    public func paragraph(_ text: String) -> Paragraph? {
        blocks.lazy.compactMap { if case .paragraph(let p) = $0, p.text == text { p } else { nil } }.first
    }

    public var tables: [Table] { blocks.compactMap { if case .table(let t) = $0 { t } else { nil } } }

    private static func paragraph(_ node: Node) -> Paragraph {
        var text = ""
        var bold = true
        for run in node.all("w:r") {
            let isBold = run.first("w:rPr")?.first("w:b") != nil
            for piece in run.children {
                switch piece.name {
                case "w:t":
                    text += piece.text.replacingOccurrences(of: "\u{00A0}", with: " ")
                    if !piece.text.isEmpty, !isBold { bold = false }
                case "w:tab": text += "\t"
                case "w:br": text += "\n"
                default: break
                }
            }
        }
        let properties = node.first("w:pPr")
        return Paragraph(
            text: text, bold: bold && !text.isEmpty,
            style: properties?.first("w:pStyle")?.attributes["w:val"],
            alignment: properties?.first("w:jc")?.attributes["w:val"])
    }

    /// An element of the XML with its children and text.
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        func first(_ name: String) -> Node? { children.first { $0.name == name } }
        func all(_ name: String) -> [Node] { children.filter { $0.name == name } }
        func descendants(_ name: String) -> [Node] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
        }

        static func parse(_ data: Data) throws -> Node {
            let builder = Builder()
            let parser = XMLParser(data: data)
            parser.delegate = builder
            guard parser.parse(), let root = builder.root else {
                throw ReadError.malformed(parser.parserError.map { "\($0)" } ?? "no root")
            }
            return root
        }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Node?
        var stack: [Node] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let node = Node(name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}
