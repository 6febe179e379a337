/// Which files a roadmap mark's evidence may be: a PDF, a Word document, an Excel workbook, a
/// JPEG or a PNG photo of a signed document, up to 20 MB (issue 20). The kind is read from the
/// file's first bytes (and, for the Office formats, from the names in the ZIP's central
/// directory), so a renamed program or a page saved as «приказ.pdf» is refused.
public enum EvidenceFileRule {
    /// The largest file accepted, in bytes (issue 20: «до 20 МБ»); a scan of a few signed pages
    /// is far smaller, and the file is kept in the database, which every backup copies.
    public static let sizeLimit = 20 * 1024 * 1024

    /// The kind `bytes` are, by their content: `%PDF-` (ISO 32000-1, 7.5.2), the PNG signature
    /// (ISO 15948, 5.2), a JPEG's SOI marker and the next marker's FF (ITU T.81, B.1.1.2), and a
    /// ZIP archive (PKWARE APPNOTE 4.3) holding `word/document.xml` or `xl/workbook.xml`, the
    /// main parts Word and Excel write (ECMA-376 Part 1, 11.3.10 and 12.3.23). `nil`: none.
    public static func kind(of bytes: [UInt8]) -> EvidenceFileKind? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), let names = zipEntryNames(bytes) {
            if names.contains("word/document.xml") { return .docx }
            if names.contains("xl/workbook.xml") { return .xlsx }
        }
        return nil
    }

    /// The kind of `bytes` sent as `fileName`, or what is wrong with them in Russian, naming the file.
    public static func check(fileName: String, bytes: [UInt8]) -> Result<EvidenceFileKind, Problem> {
        if bytes.isEmpty { return .failure(Problem(message: "Файл «\(fileName)» пуст: выберите файл документа.")) }
        if bytes.count > sizeLimit {
            return .failure(Problem(message: tooLarge(fileName: fileName, size: bytes.count)))
        }
        guard let kind = kind(of: bytes) else {
            return .failure(
                Problem(
                    message: "Файл «\(fileName)» — не PDF, DOCX, XLSX, JPG или PNG (так показывает его содержимое, "
                        + "а не имя): приложите скан или документ в одном из этих форматов."))
        }
        return .success(kind)
    }

    /// The refusal of a file of `size` bytes over `sizeLimit`.
    public static func tooLarge(fileName: String, size: Int) -> String {
        "Файл «\(fileName)» — \(megabytes(size)) МБ, больше допустимых \(sizeLimit / (1024 * 1024)) МБ: "
            + "сохраните скан с меньшим разрешением или в PDF."
    }

    /// Bytes as mebibytes with one decimal, as Russian writes them («20,5»).
    static func megabytes(_ size: Int) -> String {
        let tenths = (size * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10),\(tenths % 10)"
    }

    /// A refusal's text.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
    }

    /// The names of a ZIP archive's entries, from its central directory (APPNOTE 4.3.12, 4.3.16),
    /// found through the end record within the last 64 KiB + 22 bytes; `nil` when there is no
    /// readable directory (a Zip64 archive, far larger than an evidence file, is not read).
    static func zipEntryNames(_ bytes: [UInt8]) -> Set<String>? {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let endSize = 22
        guard bytes.count >= endSize else { return nil }
        var end = bytes.count - endSize
        let lowest = max(0, end - 65_535)
        while end >= lowest {
            if bytes[end] == 0x50, bytes[end + 1] == 0x4B, bytes[end + 2] == 0x05, bytes[end + 3] == 0x06 { break }
            end -= 1
        }
        guard end >= lowest else { return nil }
        let count = u16(end + 10)
        var offset = u32(end + 16)
        var names: Set<String> = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, u32(offset) == 0x0201_4B50 else { return nil }
            let nameLength = u16(offset + 28)
            let rest = u16(offset + 30) + u16(offset + 32)
            guard offset + 46 + nameLength <= bytes.count else { return nil }
            names.insert(String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self))
            offset += 46 + nameLength + rest
        }
        return names
    }
}
