import NastavnikTestSupport
import Testing

@testable import NastavnikCore

/// An evidence file is known by its content, not its name (issue 20).
@Suite struct EvidenceFileRuleTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0]

    @Test func eachKindIsKnownByItsFirstBytes() throws {
        #expect(EvidenceFileRule.kind(of: Self.pdf) == .pdf)
        #expect(EvidenceFileRule.kind(of: Self.png) == .png)
        #expect(EvidenceFileRule.kind(of: Self.jpeg) == .jpeg)
        let docx = try ZIPArchiveBytes.make([
            ("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"),
            ("word/document.xml", "<w:document/>"),
        ])
        let xlsx = try ZIPArchiveBytes.make([
            ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"),
            ("xl/worksheets/sheet1.xml", "<worksheet/>"),
        ])
        #expect(EvidenceFileRule.kind(of: docx) == .docx)
        #expect(EvidenceFileRule.kind(of: xlsx) == .xlsx)
        #expect(EvidenceFileKind.docx.contentType.hasSuffix("wordprocessingml.document"))
    }

    @Test func aZipThatIsNeitherWordNorExcelAndOtherFilesAreRefused() throws {
        let zip = try ZIPArchiveBytes.make([("readme.txt", "word/document.xml is not here")])
        #expect(EvidenceFileRule.kind(of: zip) == nil)
        // The signature alone, with no central directory, is not an archive.
        #expect(EvidenceFileRule.kind(of: [0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8)) == nil)
        #expect(EvidenceFileRule.kind(of: Array("<html><body>%PDF-</body></html>".utf8)) == nil)
        #expect(EvidenceFileRule.kind(of: Array("MZ\u{90}\0".utf8)) == nil)
        #expect(EvidenceFileRule.kind(of: [0xFF, 0xD8]) == nil)
        #expect(EvidenceFileRule.kind(of: Array(Self.png.prefix(7))) == nil)
        #expect(EvidenceFileRule.kind(of: []) == nil)
        // A directory cut short: its entry runs past the end.
        var cut = try ZIPArchiveBytes.make([("word/document.xml", "<w:document/>")])
        if let end = cut.lastIndex(of: 0x50), end >= 4 { cut[end - 40] ^= 0xFF }
        _ = EvidenceFileRule.kind(of: cut)  // must not trap on a damaged archive
    }

    @Test func theCheckNamesTheFileAndSaysWhatIsWrong() {
        #expect(EvidenceFileRule.check(fileName: "приказ.pdf", bytes: Self.pdf) == .success(.pdf))
        guard case .failure(let wrong) = EvidenceFileRule.check(fileName: "приказ.exe", bytes: Array("MZ".utf8))
        else {
            Issue.record("an .exe accepted")
            return
        }
        #expect(wrong.message.contains("Файл «приказ.exe» — не PDF, DOCX, XLSX, JPG или PNG"))
        guard case .failure(let empty) = EvidenceFileRule.check(fileName: "пусто.pdf", bytes: []) else {
            Issue.record("an empty file accepted")
            return
        }
        #expect(empty.message == "Файл «пусто.pdf» пуст: выберите файл документа.")
        let big = Self.pdf + [UInt8](repeating: 0x20, count: EvidenceFileRule.sizeLimit + 1 - Self.pdf.count)
        guard case .failure(let large) = EvidenceFileRule.check(fileName: "скан.pdf", bytes: big) else {
            Issue.record("a file over 20 MB accepted")
            return
        }
        #expect(large.message.hasPrefix("Файл «скан.pdf» — 20,0 МБ, больше допустимых 20 МБ"))
        let limit = Self.pdf + [UInt8](repeating: 0x20, count: EvidenceFileRule.sizeLimit - Self.pdf.count)
        #expect(EvidenceFileRule.check(fileName: "скан.pdf", bytes: limit) == .success(.pdf))
        #expect(EvidenceFileRule.megabytes(25 * 1024 * 1024 + 300 * 1024) == "25,3")
    }
}
