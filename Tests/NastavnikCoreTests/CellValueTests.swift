import Testing

@testable import NastavnikCore

@Suite struct CellValueTests {
    @Test(arguments: [
        ("4,5", 4.5), ("4.5", 4.5), ("1 200", 1200.0), ("1 200,75", 1200.75), ("12,5%", 12.5), ("12.5 %", 12.5),
        ("-3", -3.0), ("0", 0.0), ("1\u{00A0}000", 1000.0), ("100%", 100.0), ("007", 7.0), ("29", 29.0),
        ("999999999999999", 999_999_999_999_999.0), ("1234567890123456789", 1_234_567_890_123_456_789.0),
    ])
    func readsNumbers(text: String, value: Double) {
        #expect(CellValue.number(text) == value)
    }

    @Test(arguments: ["abc", "", "1,2,3", "4.5.6", "12,5%%", "1e5", "nan", "--1", "5 баллов"])
    func rejectsNonNumbers(text: String) {
        #expect(CellValue.number(text) == nil)
    }

    @Test func integers() {
        #expect(CellValue.integer("1 200") == 1200)
        #expect(CellValue.integer("12,0") == 12)
        #expect(CellValue.integer("12,5") == nil)
    }

    @Test(arguments: [
        ("да", true), ("Да", true), ("yes", true), ("TRUE", true), ("1", true), ("+", true),
        ("нет", false), ("no", false), ("false", false), ("0", false), ("-", false), ("НЕТ", false),
    ])
    func readsBooleans(text: String, value: Bool) {
        #expect(CellValue.boolean(text) == value)
    }

    /// A repeated text is read once, found again by its bytes or as a string; a text with other
    /// bytes (the same letters in decomposed form) is read on its own and gives the same value.
    @Test func repeatedValuesAreReadOnce() {
        final class Reads: @unchecked Sendable { var texts: [String] = [] }
        let reads = Reads()
        let values = RepeatedValues { (text: String) -> Int in
            reads.texts.append(text)
            return text.count
        }
        #expect(values.value("учитель") == 7)
        #expect(values.value(String(decoding: Array("учитель".utf8), as: UTF8.self)) == 7)
        #expect(values.value("ё") == 1 && values.value("е\u{0308}") == 1)
        #expect(values.value("") == 0 && values.value("") == 0)
        #expect(
            reads.texts.map { Array($0.utf8) } == [Array("учитель".utf8), Array("ё".utf8), Array("е\u{0308}".utf8), []])
    }

    @Test func unknownBoolean() {
        #expect(CellValue.boolean("возможно") == nil)
    }

    @Test func listsSplitOnEverySeparatorAndDropEmptyItems() {
        #expect(CellValue.list("математика; физика") == ["математика", "физика"])
        #expect(CellValue.list("математика,физика") == ["математика", "физика"])
        #expect(CellValue.list(" математика | физика |  ") == ["математика", "физика"])
        #expect(CellValue.list(";;") == [])
        #expect(CellValue.list("") == [])
        #expect(CellValue.list("  история  ") == ["история"])
        #expect(CellValue.list("ИЗО;\u{00A0}музыка\u{00A0};, технология") == ["ИЗО", "музыка", "технология"])
        #expect(CellValue.list("й;ё|е\u{0308}") == ["й", "ё", "е\u{0308}"])
    }

    @Test func foldsNames() {
        #expect(CellValue.fold("  Семёнова   Алёна  ") == "семенова алена")
    }
}

@Suite struct CellValueBytesTests {}

extension CellValueBytesTests {
    /// Folding on bytes gives what Unicode's rules give, for every letter of basic Cyrillic in
    /// both cases, ASCII, white space anywhere, and text it leaves to the general way.
    @Test func foldOnBytesIsFoldByUnicodesRules() {
        let letters = (0x400...0x45F).map { String(Unicode.Scalar($0)!) }
        let others = [
            "A", "z", "Q", "-", ".", "1", " ", "  ", "\t", "\r\n", "\u{0B}", "\u{A0}", "é", "Ѣ", "е\u{308}", "\u{3000}",
            "\u{1F}",
        ]
        var state: UInt64 = 7
        var basic = 0
        for _ in 0..<20_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(state >> 33)
                text += pick % 3 == 0 ? others[pick / 3 % others.count] : letters[pick / 3 % letters.count]
            }
            if let folded = CellValue.foldBasic(text) {
                basic += 1
                #expect(folded == CellValue.foldGeneral(text), "\(Array(text.unicodeScalars))")
                #expect(Array(folded.utf8) == Array(CellValue.foldGeneral(text).utf8))
            }
            #expect(CellValue.fold(text) == CellValue.foldGeneral(text))
        }
        // Most of the texts are basic: the bytes path was tried, not only the general one.
        #expect(basic > 5000)
        #expect(CellValue.fold(" Ёлкина  АННА\tЮрьевна ") == "елкина анна юрьевна")
    }
}
