import Foundation

/// A pull tokenizer for the XML of a spreadsheet's parts, fed in chunks: a sheet of 100,000 rows
/// is read with a buffer of a few chunks, never whole.
///
/// It knows what the Office Open XML parts use: elements with attributes (namespace prefixes are
/// dropped: `x:row` is `row`), text with the five named entities and numeric character
/// references, CDATA; declarations, comments and processing instructions are passed over. A token's
/// name, attributes and text are ranges of `buffer`, valid until the next call of `next()`.
/// Not a validating parser: what a spreadsheet program writes is well-formed, and a file that is
/// not reads as whatever text it holds.
struct XMLTokenizer {
    enum Token: Equatable {
        /// `<name …>` or `<name …/>` (`selfClosing`).
        case open
        /// `</name>`.
        case close
        /// Character data between two tags (`text`).
        case text
        /// The end of the input.
        case end
    }

    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private let nextChunk: () throws -> [UInt8]?

    /// The local name of the last `.open` or `.close` token.
    private(set) var name: Range<Int> = 0..<0
    /// The bytes between an `.open` token's name and its `>` (or `/>`).
    private(set) var attributes: Range<Int> = 0..<0
    private(set) var selfClosing = false
    /// A `.text` token's bytes as written (entities not yet replaced).
    private(set) var textRange: Range<Int> = 0..<0
    /// True when the text is CDATA, to be taken as it is.
    private(set) var textIsRaw = false

    /// A tokenizer of the bytes `nextChunk` hands over, one chunk a call, `nil` at the end.
    init(nextChunk: @escaping () throws -> [UInt8]?) {
        self.nextChunk = nextChunk
    }

    /// A tokenizer of bytes in memory (a small part: the workbook, its relationships, styles).
    init(bytes: [UInt8]) {
        var handed = false
        self.init(nextChunk: {
            if handed { return nil }
            handed = true
            return bytes
        })
    }

    /// Reads the next token.
    mutating func next() throws -> Token {
        while true {
            if position == buffer.count {
                if try !refill() { return .end }
                continue
            }
            if let token = scan() { return token }
            // The token runs past what has been read: read more, then scan it again from its start.
            if try !refill() {
                // Text or a tag cut off by the end of the input: whatever is left is text.
                textRange = position..<buffer.count
                textIsRaw = true
                position = buffer.count
                return .text
            }
        }
    }

    /// Whether the last tag's local name is `literal` (ASCII).
    func nameIs(_ literal: StaticString) -> Bool {
        equals(name, literal)
    }

    /// The unescaped value of attribute `wanted` (local name, ASCII) of the last `.open` token.
    func attribute(_ wanted: StaticString) -> [UInt8]? {
        guard let range = attributeRange(wanted) else { return nil }
        return Self.unescaped(buffer[range])
    }

    /// The attribute's value as a string.
    func attributeString(_ wanted: StaticString) -> String? {
        attribute(wanted).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The value's bytes as written, or `nil` when the attribute is absent.
    func attributeRange(_ wanted: StaticString) -> Range<Int>? {
        // Runs for every attribute of every cell of a sheet: on the buffer's bytes in place.
        buffer.withUnsafeBufferPointer { bytes -> Range<Int>? in
            var i = attributes.lowerBound
            let end = attributes.upperBound
            while i < end {
                while i < end, Self.isSpace(bytes[i]) { i += 1 }
                let nameStart = i
                var localStart = i
                while i < end, bytes[i] != UInt8(ascii: "="), !Self.isSpace(bytes[i]) {
                    if bytes[i] == UInt8(ascii: ":") { localStart = i + 1 }
                    i += 1
                }
                let nameRange = localStart..<i
                while i < end, bytes[i] != UInt8(ascii: "=") { i += 1 }
                i += 1
                while i < end, Self.isSpace(bytes[i]) { i += 1 }
                guard i < end else { return nil }
                let quote = bytes[i]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
                let valueStart = i + 1
                i = valueStart
                while i < end, bytes[i] != quote { i += 1 }
                // `xml:space` and `space` are different attributes only with prefixes; the parts
                // read here never put two attributes of one local name on an element.
                if nameStart < nameRange.upperBound, Self.equals(bytes, nameRange, wanted) {
                    return valueStart..<min(i, end)
                }
                i += 1
            }
            return nil
        }
    }

    /// Calls `body` with the bytes of `range` (an attribute's value as `attributeRange` found it).
    func withAttributeBytes<R>(_ range: Range<Int>, _ body: (ArraySlice<UInt8>) -> R) -> R {
        body(buffer[range])
    }

    /// The last `.text` token's characters, entities replaced.
    func text() -> [UInt8] {
        textIsRaw ? Array(buffer[textRange]) : Self.unescaped(buffer[textRange])
    }

    /// Appends the last `.text` token's characters, entities replaced, to `out`.
    func appendText(to out: inout [UInt8]) {
        if textIsRaw {
            out.append(contentsOf: buffer[textRange])
        } else {
            Self.appendUnescaped(buffer[textRange], to: &out)
        }
    }

    /// Whether the bytes of `range` (an attribute's value) are `literal` (ASCII).
    func rangeEquals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        equals(range, literal)
    }

    /// Skips everything up to the end of the element just opened (its `.close`), nested ones
    /// included. Does nothing after a self-closing tag.
    mutating func skipElement() throws {
        guard !selfClosing else { return }
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .open: if !selfClosing { depth += 1 }
            case .close: depth -= 1
            case .text: continue
            case .end: return
            }
        }
    }

    // MARK: Scanning

    /// Scans one token at `position`; `nil` when it is not all in the buffer yet.
    private mutating func scan() -> Token? {
        let start = position
        let count = buffer.count
        guard start < count else { return nil }
        if buffer[start] != UInt8(ascii: "<") {
            let stop = buffer.withUnsafeBufferPointer { bytes -> Int? in
                guard let base = bytes.baseAddress,
                    let found = memchr(base + start, Int32(UInt8(ascii: "<")), count - start)
                else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            guard let stop else { return nil }
            textRange = start..<stop
            textIsRaw = false
            position = stop
            return .text
        }
        guard start + 1 < count else { return nil }
        switch buffer[start + 1] {
        case UInt8(ascii: "?"):
            guard let end = find([UInt8(ascii: "?"), UInt8(ascii: ">")], from: start + 2) else { return nil }
            position = end + 2
            return scan() ?? nextAfterSkip()
        case UInt8(ascii: "!"):
            if hasPrefix("<!--", at: start) {
                guard let end = find(Array("-->".utf8), from: start + 4) else { return nil }
                position = end + 3
                return scan() ?? nextAfterSkip()
            }
            if hasPrefix("<![CDATA[", at: start) {
                guard let end = find(Array("]]>".utf8), from: start + 9) else { return nil }
                textRange = (start + 9)..<end
                textIsRaw = true
                position = end + 3
                return .text
            }
            guard start + 9 <= count else { return nil }
            guard let end = tagEnd(from: start + 2) else { return nil }
            position = end + 1
            return scan() ?? nextAfterSkip()
        case UInt8(ascii: "/"):
            guard let end = tagEnd(from: start + 2) else { return nil }
            name = localName(from: start + 2, to: end)
            position = end + 1
            return .close
        default:
            guard let end = tagEnd(from: start + 1) else { return nil }
            var nameEnd = start + 1
            while nameEnd < end, !Self.isSpace(buffer[nameEnd]), buffer[nameEnd] != UInt8(ascii: "/") {
                nameEnd += 1
            }
            name = localName(from: start + 1, to: nameEnd)
            selfClosing = buffer[end - 1] == UInt8(ascii: "/")
            attributes = nameEnd..<(selfClosing ? max(nameEnd, end - 1) : end)
            position = end + 1
            return .open
        }
    }

    /// After a skipped declaration or comment that ended the buffer: an empty text token keeps
    /// `next()`'s contract (the caller asks again).
    private mutating func nextAfterSkip() -> Token {
        textRange = position..<position
        textIsRaw = true
        return .text
    }

    /// The index of the `>` closing a tag whose inside starts at `from`, past quoted values.
    private func tagEnd(from: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            var quote: UInt8 = 0
            var i = from
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return i
                }
                i += 1
            }
            return nil
        }
    }

    private func localName(from: Int, to: Int) -> Range<Int> {
        var start = from
        var end = from
        while end < to, !Self.isSpace(buffer[end]) {
            if buffer[end] == UInt8(ascii: ":") { start = end + 1 }
            end += 1
        }
        return start..<end
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard needle.count <= buffer.count else { return nil }
        var i = from
        while i + needle.count <= buffer.count {
            if buffer[i] == needle[0], buffer[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private func hasPrefix(_ literal: String, at: Int) -> Bool {
        let utf8 = Array(literal.utf8)
        return at + utf8.count <= buffer.count && buffer[at..<(at + utf8.count)].elementsEqual(utf8)
    }

    private func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        buffer.withUnsafeBufferPointer { Self.equals($0, range, literal) }
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString)
        -> Bool
    {
        guard range.count == literal.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
        return memcmp(base + range.lowerBound, literal.utf8Start, range.count) == 0
    }

    /// Drops what is before `position` and appends the next chunk; false at the end.
    private mutating func refill() throws -> Bool {
        guard !atEnd else { return false }
        guard let chunk = try nextChunk() else {
            atEnd = true
            return false
        }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            name = 0..<0
            attributes = 0..<0
            textRange = 0..<0
            position = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    // MARK: Entities

    /// `bytes` with the five named entities and numeric character references replaced; an
    /// unknown or malformed reference is kept as written.
    static func unescaped(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        appendUnescaped(bytes, to: &out)
        return out
    }

    /// Appends `bytes` to `out` with the entities replaced. A workbook written by openpyxl holds
    /// every Cyrillic letter as a reference (`&#1048;`): this runs for most characters of such a
    /// sheet, so it works on the bytes, without a string per reference.
    static func appendUnescaped(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        guard bytes.contains(UInt8(ascii: "&")) else {
            out.append(contentsOf: bytes)
            return
        }
        // A reference is never shorter than its character's UTF-8 (`&#128;`, six bytes, is two),
        // so the text fits in as many bytes as it is written in: they are written in place.
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bytes.count))
        let written = out.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                unescape(source, into: UnsafeMutableBufferPointer(rebasing: target[start...]))
            }
        }
        out.removeLast(bytes.count - written)
    }

    /// Writes `bytes` with the entities replaced into `out` (as long as `bytes`); the count written.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>)
        -> Int
    {
        var o = 0
        var i = 0
        let end = bytes.count
        while i < end {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "&") else {
                out[o] = byte
                o += 1
                i += 1
                continue
            }
            var scalar: UInt32?
            var next = i + 1
            // `&#NNNN;`, the common case of such a sheet, read in place.
            if i + 3 < end, bytes[i + 1] == UInt8(ascii: "#"), bytes[i + 2] &- UInt8(ascii: "0") < 10 {
                var value: UInt32 = 0
                var j = i + 2
                while j < end, j - i <= 9, bytes[j] &- UInt8(ascii: "0") < 10 {
                    value = value * 10 + UInt32(bytes[j] &- UInt8(ascii: "0"))
                    j += 1
                }
                if j < end, bytes[j] == UInt8(ascii: ";"), Unicode.Scalar(value) != nil {
                    scalar = value
                    next = j + 1
                }
            }
            if scalar == nil {
                var semicolon = i + 1
                while semicolon < end, semicolon - i <= 10, bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
                if semicolon < end, bytes[semicolon] == UInt8(ascii: ";"),
                    let named = entity(ArraySlice(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<semicolon])))
                {
                    scalar = named
                    next = semicolon + 1
                }
            }
            guard let scalar else {
                out[o] = byte
                o += 1
                i += 1
                continue
            }
            o += writeUTF8(scalar, to: out, at: o)
            i = next
        }
        return o
    }

    /// The character an entity's name (between `&` and `;`) stands for.
    private static func entity(_ name: ArraySlice<UInt8>) -> UInt32? {
        guard let first = name.first else { return nil }
        if first == UInt8(ascii: "#") {
            var digits = name.dropFirst()
            var radix: UInt32 = 10
            if let x = digits.first, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty else { return nil }
            var value: UInt32 = 0
            for byte in digits {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16:
                    digit = UInt32(byte - UInt8(ascii: "a")) + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16:
                    digit = UInt32(byte - UInt8(ascii: "A")) + 10
                default: return nil
                }
                value = value * radix + digit
                if value > 0x10FFFF { return nil }
            }
            return Unicode.Scalar(value) == nil ? nil : value
        }
        switch name.count {
        case 2:
            if name.elementsEqual("lt".utf8) { return 0x3C }
            if name.elementsEqual("gt".utf8) { return 0x3E }
        case 3:
            if name.elementsEqual("amp".utf8) { return 0x26 }
        case 4:
            if name.elementsEqual("quot".utf8) { return 0x22 }
            if name.elementsEqual("apos".utf8) { return 0x27 }
        default: break
        }
        return nil
    }

    /// Writes a Unicode scalar's UTF-8 bytes at `at`; how many.
    private static func writeUTF8(_ value: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        switch value {
        case 0..<0x80:
            out[at] = UInt8(value)
            return 1
        case 0x80..<0x800:
            out[at] = UInt8(0xC0 | (value >> 6))
            out[at + 1] = UInt8(0x80 | (value & 0x3F))
            return 2
        case 0x800..<0x10000:
            out[at] = UInt8(0xE0 | (value >> 12))
            out[at + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            out[at + 2] = UInt8(0x80 | (value & 0x3F))
            return 3
        default:
            out[at] = UInt8(0xF0 | (value >> 18))
            out[at + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            out[at + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            out[at + 3] = UInt8(0x80 | (value & 0x3F))
            return 4
        }
    }
}
