import Testing

@testable import NastavnikImport

/// The tokenizer reads the same tokens however its input is cut into chunks.
@Suite struct XMLTokenizerTests {
    static let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- a comment with <tags> -->
        <x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Иванов &amp; сын &#1025;&#x451;</x:t></x:is></x:c>\
        <x:c r="B1" s="3"><x:v>44907</x:v></x:c><x:c r="C1" t='str'><x:f>A1&amp;"&gt;"</x:f><x:v><![CDATA[a<b]]></x:v></x:c><x:c r="D1"/></x:row></x:sheetData></x:worksheet>
        """

    static func tokens(chunk: Int) throws -> [String] {
        let bytes = Array(xml.utf8)
        var offset = 0
        var tokenizer = XMLTokenizer(nextChunk: {
            guard offset < bytes.count else { return nil }
            defer { offset += chunk }
            return Array(bytes[offset..<min(bytes.count, offset + chunk)])
        })
        var out: [String] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty, !text.allSatisfy({ $0 == 10 || $0 == 32 }) {
                out.append("text:" + String(decoding: text, as: UTF8.self))
            }
            text = []
        }
        while true {
            let token = try tokenizer.next()
            switch token {
            case .open:
                flush()
                let name = tokenizer.withAttributeBytes(tokenizer.name) { String(decoding: $0, as: UTF8.self) }
                out.append(
                    "open:\(name) r=\(tokenizer.attributeString("r") ?? "-") t=\(tokenizer.attributeString("t") ?? "-")"
                        + (tokenizer.selfClosing ? " /" : ""))
            case .close:
                flush()
                out.append(
                    "close:" + tokenizer.withAttributeBytes(tokenizer.name) { String(decoding: $0, as: UTF8.self) })
            case .text:
                tokenizer.appendText(to: &text)
            case .end:
                flush()
                return out
            }
        }
    }

    @Test func tokensDoNotDependOnChunkBoundaries() throws {
        let whole = try Self.tokens(chunk: 1 << 20)
        #expect(whole.contains("text:Иванов & сын Ёё"))
        #expect(whole.contains("open:c r=C1 t=str"))
        #expect(whole.contains("text:a<b"))
        #expect(whole.contains("open:c r=D1 t=- /"))
        #expect(!whole.contains { $0.contains("comment") })
        for chunk in [1, 2, 3, 5, 7, 13, 64] {
            #expect(try Self.tokens(chunk: chunk) == whole, "chunk \(chunk)")
        }
    }

    @Test(arguments: [
        ("&#1048;&#1074;&#1072;&#1085;", "Иван"),
        ("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", "a & b <c> \"d\" 'e'"),
        ("&#x1F600;", "😀"), ("&#xZZ; &nope; &#55296; & ;", "&#xZZ; &nope; &#55296; & ;"), ("&#65;&#x42;", "AB"),
        ("no references", "no references"), ("&amp", "&amp"),
    ])
    func referencesAreReplacedAndMalformedOnesKept(written: String, expected: String) {
        #expect(String(decoding: XMLTokenizer.unescaped(ArraySlice(written.utf8)), as: UTF8.self) == expected)
    }
}
