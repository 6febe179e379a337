/// A workbook's shared strings (`xl/sharedStrings.xml`), kept as one buffer of UTF-8 bytes and
/// where each string ends: a sheet's text cells are indexes into it.
struct SharedStrings: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    /// The bytes of string `index`, or `nil` past the end.
    func string(_ index: Int) -> ArraySlice<UInt8>? {
        guard index >= 0, index < ends.count else { return nil }
        return bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Reads the part: each `<si>` is one string, the text of its `<t>` elements (several for
    /// rich text runs) joined; a phonetic reading (`<rPh>`) is not part of it.
    static func read(_ tokenizer: inout XMLTokenizer) throws -> SharedStrings {
        var strings = SharedStrings()
        var inString = false
        var inText = false
        var phoneticDepth = 0
        var start = 0
        while true {
            switch try tokenizer.next() {
            case .open:
                if tokenizer.nameIs("si") {
                    inString = true
                    start = strings.bytes.count
                    if tokenizer.selfClosing {
                        strings.ends.append(start)
                        inString = false
                    }
                } else if tokenizer.nameIs("rPh") {
                    if !tokenizer.selfClosing { phoneticDepth += 1 }
                } else if tokenizer.nameIs("t") {
                    inText = !tokenizer.selfClosing
                }
            case .close:
                if tokenizer.nameIs("si") {
                    OOXMLEscape.unescapeInPlace(&strings.bytes, from: start)
                    strings.ends.append(strings.bytes.count)
                    inString = false
                } else if tokenizer.nameIs("rPh") {
                    phoneticDepth -= 1
                } else if tokenizer.nameIs("t") {
                    inText = false
                }
            case .text:
                if inString && inText && phoneticDepth == 0 { tokenizer.appendText(to: &strings.bytes) }
            case .end:
                return strings
            }
        }
    }
}
