import Foundation
import NastavnikCore
import Testing

@testable import NastavnikImport

/// The byte-level readers of the staff fast path answer as the rules on strings do.
@Suite struct ByteCellTests {
    /// Cells made of the characters that matter to trimming and lists.
    static func cells() -> [String] {
        let alphabet = ["a", "Ж", " ", "\t", "\n", "\r", "\u{A0}", ";", ",", "|", "'", "=", "\u{C2}", "Р"]
        var state: UInt64 = 99
        var cells: [String] = []
        for _ in 0..<5000 {
            var cell = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                cell += alphabet[Int(state >> 33) % alphabet.count]
            }
            cells.append(cell)
        }
        return cells
    }

    @Test func trimmedRangeIsWhatTrimmedKeeps() {
        for cell in Self.cells() {
            let bytes = Array(cell.utf8)
            let range = bytes.withUnsafeBufferPointer { ByteCell.trimmedRange($0) }
            #expect(
                String(decoding: bytes[range], as: UTF8.self) == CellValue.trimmed(cell),
                "\(Array(cell.unicodeScalars))")
        }
    }

    @Test func listItemsAreWhatListGives() {
        for cell in Self.cells() {
            let bytes = Array(cell.utf8)
            var items: [String] = []
            bytes.withUnsafeBufferPointer { buffer in
                ByteCell.listItems(buffer) { items.append(String(decoding: buffer[$0], as: UTF8.self)) }
            }
            #expect(items == CellValue.list(cell), "\(Array(cell.unicodeScalars))")
        }
    }

    /// A number read from a short cell's bytes is `CellValue.number`'s; a long cell is left to
    /// the general path.
    @Test func numberIsCellValueNumber() {
        for text in ["29", "0", "12,5", "3.25", "80", "1 200", "12%", "-1", "abc", "", "1,2,3", "123456789012345"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { ByteCell.number($0) } == CellValue.number(text), "\(text)")
        }
        #expect(Array("1234567890123456".utf8).withUnsafeBufferPointer { ByteCell.number($0) } == nil)
    }

    /// Every byte decodes to the same UTF-8 whether through a `String` or straight to bytes.
    @Test func windows1251ToUTF8BytesMatchesDecoding() {
        let all = (0...255).map { UInt8($0) }
        var out: [UInt8] = [0x41]
        all.withUnsafeBufferPointer { Windows1251.appendUTF8($0, to: &out) }
        #expect(out == [0x41] + Array(Windows1251.decode(all).utf8))
    }

    /// A classifier answers the same for a title as text and as bytes, with or without
    /// corrections, however many titles the memo has remembered (the bytes path of the import).
    @Test func positionKindsByBytesAreTheClassifiers() {
        let classifier = PositionClassifier(overrides: [
            PositionTitles.key("учитель"): .other, PositionTitles.key("директор"): .pedagogical,
            PositionTitles.key("лаборант"): .pedagogical,
        ])
        let memo = ByteMemo { classifier.classify($0) }
        let words = [
            "учитель", "директор", "хоз", "АХЧ-старший", ".", " ", "Лаборант", "лаборант", "старший учитель", "",
        ]
        var state: UInt64 = 5
        for _ in 0..<2000 {
            var title = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 62) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                title += words[Int(state >> 33) % words.count]
            }
            let viaBytes = Array(title.utf8).withUnsafeBufferPointer { memo.value($0) }
            #expect(viaBytes == classifier.classify(title), "\(title)")
        }
        #expect(Array("лаборант".utf8).withUnsafeBufferPointer { memo.value($0) }.kind == .pedagogical)
    }

    /// Categories by bytes are the category rule's.
    @Test func categoriesByBytesAreTheRules() {
        let memo = ByteMemo { QualificationCategory.cached($0) }
        for text in ["высшая", "первая", "ВКК", "сзд", "без категории", "нет", "вторая", "", "1"]
            + QualificationCategory.allCases.map(\.rawValue)
        {
            #expect(
                Array(text.utf8).withUnsafeBufferPointer { memo.value($0) } == QualificationCategory(userValue: text),
                "\(text)")
        }
    }
}
