import Crypto
import Foundation
import NastavnikCore
import ZIPFoundation

/// An `.xlsx` workbook opened for reading its sheets: the sheets' names and parts, the date
/// system, the shared strings and how each cell style shows a number.
///
/// `@unchecked Sendable`: everything is set in `init` and only read afterwards; the file's hash
/// is computed on a queue of its own and read through `digest`, which waits for it.
public final class XLSXWorkbook: @unchecked Sendable {
    /// A sheet as the workbook lists it, in the order of its tabs.
    public struct Sheet: Sendable, Equatable {
        public let name: String
        /// The part holding its cells, e.g. `xl/worksheets/sheet1.xml`.
        let part: String
        /// The part's size inflated, in bytes (0 when the archive does not say).
        var size: UInt64 = 0
    }

    public let path: String
    public let sheets: [Sheet]
    /// True for a workbook in the 1904 date system.
    let date1904: Bool
    let sharedStrings: SharedStrings
    /// The number format of each cell style (a cell's `s`), by index.
    let formats: [CellFormat]
    private let hashing = DispatchGroup()
    private var digest = ""

    /// The first bytes of every ZIP archive (and so of every `.xlsx`).
    static let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// Opens the workbook at `path` and reads its small parts; sheets are read when asked for.
    public init(path: String) throws(XLSXError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .notAnArchive(reason: String(describing: error))
        }
        func part(_ name: String) throws(XLSXError) -> [UInt8]? {
            guard let entry = archive[name] else { return nil }
            var bytes: [UInt8] = []
            do {
                _ = try archive.extract(entry) { bytes.append(contentsOf: $0) }
            } catch {
                throw .damaged(part: name, reason: String(describing: error))
            }
            return bytes
        }
        let workbookPart = try Self.workbookPart(rootRelationships: part("_rels/.rels"))
        guard let workbook = try part(workbookPart) else { throw .missingPart(workbookPart) }
        let folder = (workbookPart as NSString).deletingLastPathComponent
        let relationships = try Self.relationships(
            part("\(folder)/_rels/\((workbookPart as NSString).lastPathComponent).rels") ?? [], folder: folder)
        let listed = try Self.readWorkbook(workbook, relationships: relationships.byID)
        sheets = listed.sheets.map { sheet in
            var sized = sheet
            sized.size = archive[sheet.part]?.uncompressedSize ?? 0
            return sized
        }
        date1904 = listed.date1904
        if let stylesPart = relationships.byType["styles"], let styles = try part(stylesPart) {
            formats = try Self.readFormats(styles)
        } else {
            formats = []
        }
        if let stringsPart = relationships.byType["sharedStrings"], archive[stringsPart] != nil {
            let stream = ZIPEntryStream(url: url, path: stringsPart)
            defer { stream.stop() }
            var tokenizer = XMLTokenizer(nextChunk: { try stream.next() })
            do {
                sharedStrings = try SharedStrings.read(&tokenizer)
            } catch {
                throw .damaged(part: stringsPart, reason: String(describing: error))
            }
        } else {
            sharedStrings = SharedStrings()
        }
        // The file's hash for the import log, off the reading thread's path.
        DispatchQueue.global().async(group: hashing) { [self] in digest = Self.sha256(of: url) }
    }

    /// SHA-256 of the file, in lower-case hex (waits for it).
    public var sha256: String {
        hashing.wait()
        return digest
    }

    /// The sheet `wanted` names: its name (letter case aside) or its number from 1.
    public func sheet(named wanted: String) throws(XLSXError) -> Int {
        let trimmed = wanted.trimmingCharacters(in: .whitespaces)
        if let index = sheets.firstIndex(where: { $0.name == trimmed })
            ?? sheets.firstIndex(where: { $0.name.lowercased() == trimmed.lowercased() })
        {
            return index
        }
        if let number = Int(trimmed), (1...sheets.count).contains(number) { return number - 1 }
        throw .noSuchSheet(wanted, available: sheets.map(\.name))
    }

    /// A reader of the rows of sheet `index`.
    func reader(sheet index: Int) -> XLSXSheetReader {
        XLSXSheetReader(workbook: self, sheet: index)
    }

    // MARK: Parts

    /// The workbook's part, as the package's relationships name it (`xl/workbook.xml` in
    /// practice).
    private static func workbookPart(rootRelationships: [UInt8]?) throws(XLSXError) -> String {
        guard let rootRelationships else { return "xl/workbook.xml" }
        let found = try relationships(rootRelationships, folder: "")
        return found.byType["officeDocument"] ?? "xl/workbook.xml"
    }

    /// A relationships part: targets by id, and by the last word of their type.
    private static func relationships(_ bytes: [UInt8], folder: String) throws(XLSXError) -> (
        byID: [String: String], byType: [String: String]
    ) {
        var byID: [String: String] = [:]
        var byType: [String: String] = [:]
        var tokenizer = XMLTokenizer(bytes: bytes)
        do {
            while true {
                let token = try tokenizer.next()
                if token == .end { break }
                guard token == .open, tokenizer.nameIs("Relationship"),
                    let id = tokenizer.attributeString("Id"), let target = tokenizer.attributeString("Target")
                else { continue }
                // Targets are relative to the part's folder, or absolute from the package's root.
                let resolved =
                    target.hasPrefix("/")
                    ? String(target.dropFirst()) : Self.normalized(folder.isEmpty ? target : "\(folder)/\(target)")
                byID[id] = resolved
                if let type = tokenizer.attributeString("Type")?.split(separator: "/").last {
                    byType[String(type)] = byType[String(type)] ?? resolved
                }
            }
        } catch {
            throw .damaged(part: "_rels", reason: String(describing: error))
        }
        return (byID, byType)
    }

    /// `xl/worksheets/../sharedStrings.xml` as `xl/sharedStrings.xml`.
    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == ".." {
                _ = parts.popLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    private static func readWorkbook(_ bytes: [UInt8], relationships: [String: String]) throws(XLSXError) -> (
        sheets: [Sheet], date1904: Bool
    ) {
        var sheets: [Sheet] = []
        var date1904 = false
        var tokenizer = XMLTokenizer(bytes: bytes)
        do {
            while true {
                let token = try tokenizer.next()
                if token == .end { break }
                guard token == .open else { continue }
                if tokenizer.nameIs("workbookPr") {
                    let value = tokenizer.attributeString("date1904")
                    date1904 = value == "1" || value == "true"
                } else if tokenizer.nameIs("sheet"), let name = tokenizer.attributeString("name"),
                    let id = tokenizer.attributeString("id"), let part = relationships[id]
                {
                    sheets.append(Sheet(name: name, part: part))
                }
            }
        } catch {
            throw .damaged(part: "xl/workbook.xml", reason: String(describing: error))
        }
        if sheets.isEmpty { throw .missingPart("xl/worksheets") }
        return (sheets, date1904)
    }

    /// The number format of every cell style: `<cellXfs>`'s `<xf numFmtId>`, looked up among
    /// the custom `<numFmts>` and the built-in ones.
    private static func readFormats(_ bytes: [UInt8]) throws(XLSXError) -> [CellFormat] {
        var custom: [Int: CellFormat] = [:]
        var formats: [CellFormat] = []
        var inCellXfs = false
        var depth = 0
        var tokenizer = XMLTokenizer(bytes: bytes)
        do {
            while true {
                switch try tokenizer.next() {
                case .open:
                    if tokenizer.nameIs("numFmt"), let id = tokenizer.attributeString("numFmtId").flatMap({ Int($0) }) {
                        custom[id] = CellFormat.custom(tokenizer.attributeString("formatCode") ?? "")
                    } else if tokenizer.nameIs("cellXfs") {
                        inCellXfs = !tokenizer.selfClosing
                        depth = 0
                    } else if inCellXfs {
                        if depth == 0, tokenizer.nameIs("xf") {
                            let id = tokenizer.attributeString("numFmtId").flatMap { Int($0) } ?? 0
                            formats.append(custom[id] ?? CellFormat.builtIn(id))
                        }
                        if !tokenizer.selfClosing { depth += 1 }
                    }
                case .close:
                    if tokenizer.nameIs("cellXfs") {
                        inCellXfs = false
                    } else if inCellXfs {
                        depth -= 1
                    }
                case .text: continue
                case .end: return formats
                }
            }
        } catch {
            throw .damaged(part: "xl/styles.xml", reason: String(describing: error))
        }
    }

    private static func sha256(of url: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return HexDigest.hex(hasher.finalize())
    }
}
