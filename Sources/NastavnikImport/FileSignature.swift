import Foundation

/// What a file is, told by its first bytes rather than its name: users rename files, and Excel
/// saves a workbook wherever it is told.
enum FileSignature {
    /// An `.xlsx` workbook (a ZIP archive).
    case xlsx
    /// An Excel 97–2003 `.xls` workbook (an OLE compound file).
    case xls
    /// Anything else: read as delimited text.
    case text

    static func of(_ path: String) -> FileSignature {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .text }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if head.starts(with: XLSXWorkbook.signature) { return .xlsx }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .xls }
        return .text
    }
}
