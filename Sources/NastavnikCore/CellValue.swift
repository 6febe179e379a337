import Foundation

/// Parsing of the values found in one cell of a user's file, as the import contract defines them.
public enum CellValue {
    /// A number with a decimal point or comma, spaces as thousands separators and an optional
    /// trailing `%`, which only marks the value as a percent (`12,5%` → 12.5).
    public static func number(_ text: String) -> Double? {
        guard text.utf8.count <= 100 else { return nil }
        if let whole = plainInteger(text) { return Double(whole) }
        var s = ""
        s.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case " ", "\u{00A0}", "\u{202F}", "\u{2009}": continue
            case ",": s.unicodeScalars.append(".")
            case "\u{2212}": s.unicodeScalars.append("-")
            default: s.unicodeScalars.append(ch)
            }
        }
        if s.hasSuffix("%") { s.removeLast() }
        guard !s.isEmpty, s.unicodeScalars.allSatisfy({ "0123456789.-+".unicodeScalars.contains($0) }),
            s.filter({ $0 == "." }).count <= 1
        else { return nil }
        guard let value = Double(s), value.isFinite else { return nil }
        return value
    }

    /// A whole number; `1 200` and `12,0` are accepted, `12,5` is not.
    public static func integer(_ text: String) -> Int? {
        guard let value = number(text), value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// `да/нет`, `yes/no`, `true/false`, `1/0`, `+/-`, and `ИСТИНА/ЛОЖЬ` as Russian Excel
    /// writes a logical cell.
    public static func boolean(_ text: String) -> Bool? {
        guard text.utf8.count <= 100 else { return nil }
        switch trimmed(text).lowercased() {
        case "да", "yes", "true", "1", "+", "д", "y", "истина": return true
        case "нет", "no", "false", "0", "-", "н", "n", "ложь": return false
        default: return nil
        }
    }

    /// A cell of ASCII digits only (up to 15, exact in a `Double`): most numbers of a large file,
    /// read without building the normalised copy the general case needs.
    private static func plainInteger(_ text: String) -> Int? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 15 else { return nil }
        var value = 0
        for byte in utf8 {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// Items separated by `;`, `,` or `|`, trimmed, empty ones dropped.
    public static func list(_ text: String) -> [String] {
        // Split on the UTF-8 bytes: the separators are ASCII, so every cut falls between
        // characters, and no grapheme breaking is needed (this runs for every staff row).
        let utf8 = text.utf8
        // Most cells hold one item: one scan of the bytes, and no substrings.
        let isSeparator = { (byte: UInt8) in
            byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "|")
        }
        if !(utf8.withContiguousStorageIfAvailable { $0.contains(where: isSeparator) }
            ?? utf8.contains(where: isSeparator))
        {
            let item = trimmed(text)
            return item.isEmpty ? [] : [item]
        }
        var items: [String] = []
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if isSeparator(utf8[index]) {
                let item = trimmed(String(text.unicodeScalars[start..<index]))
                if !item.isEmpty { items.append(item) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        let item =
            start == utf8.startIndex ? trimmed(text) : trimmed(String(text.unicodeScalars[start..<utf8.endIndex]))
        if !item.isEmpty { items.append(item) }
        return items
    }

    /// A cell as Excel users force text: `="007"` (a formula that keeps leading zeros) and
    /// `'007` (the apostrophe prefix) are `007`.
    public static func excelText(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.withContiguousStorageIfAvailable({ $0.first }) ?? utf8.first,
            first == UInt8(ascii: "=") || first == UInt8(ascii: "'")
        else { return text }
        if first == UInt8(ascii: "'") { return String(text.dropFirst()) }
        guard text.hasPrefix("=\""), text.hasSuffix("\""), text.count >= 3 else { return text }
        return String(text.dropFirst(2).dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// A name as it should be stored: runs of spaces, tabs and no-break spaces inside it
    /// become one space («Петров  Иван» → «Петров Иван»). Expects trimmed text.
    public static func singleSpaced(_ text: String) -> String {
        // Most names have nothing to collapse: look before building a new string.
        func needsCollapsing(_ bytes: some Sequence<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                // A no-break space is C2 A0; A0 alone continues other letters («Р» is D0 A0).
                if (byte == 0xA0 && previous == 0xC2) || byte == 0x09 || (byte == 0x20 && previous == 0x20) {
                    return true
                }
                previous = byte
            }
            return false
        }
        let utf8 = text.utf8
        guard utf8.withContiguousStorageIfAvailable(needsCollapsing) ?? needsCollapsing(utf8) else { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
    }

    /// The text without surrounding white space (ASCII blanks, line breaks and no-break
    /// spaces, which Excel leaves in cells). Works on UTF-8 bytes and returns the string
    /// itself when there is nothing to trim, which is nearly always: Foundation's
    /// `trimmingCharacters` bridges through NSString on every call.
    public static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        // A decoded cell's bytes are contiguous: its ends are read without walking indices.
        let ends =
            utf8.withContiguousStorageIfAvailable { $0.isEmpty ? nil : ($0[0], $0[$0.count - 1]) }
            ?? utf8.first.map { ($0, utf8.last!) }
        guard let (first, last) = ends else { return text }
        if !isBlankStart(first), !isBlankEnd(last) { return text }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end {
            let byte = utf8[start]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                start = utf8.index(after: start)
            } else if byte == 0xC2, utf8.index(after: start) < end, utf8[utf8.index(after: start)] == 0xA0 {
                start = utf8.index(start, offsetBy: 2)
            } else {
                break
            }
        }
        while end > start {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                end = before
            } else if byte == 0xA0, before > start, utf8[utf8.index(before: before)] == 0xC2 {
                end = utf8.index(before: before)
            } else {
                break
            }
        }
        return String(text[start..<end])
    }

    @inline(__always) private static func isBlankStart(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xC2
    }

    @inline(__always) private static func isBlankEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xA0
    }

    /// Folds a name or header for comparison: lower case, `ё`→`е`, inner spaces collapsed.
    public static func fold(_ text: String) -> String {
        foldBasic(text) ?? foldGeneral(text)
    }

    /// `fold` by Unicode's rules, for any text.
    static func foldGeneral(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text.lowercased() {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(ch == "ё" ? "е" : ch)
        }
        return out
    }
}

extension CellValue {
    /// `fold` on text of ASCII and basic Cyrillic (U+0400–U+045F), which is nearly every name
    /// and header, done on the UTF-8 bytes: the general way asks Unicode's tables about every
    /// character (a good part of an import of staff without personnel numbers). `nil` for any
    /// other text, which the general way folds.
    static func foldBasic(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        // A lead byte of basic Cyrillic (D0 or D1) waiting for the byte after it.
        var lead: UInt8 = 0
        for b in text.utf8 {
            var first: UInt8 = 0
            var second: UInt8 = 0
            if lead != 0 {
                switch (lead, b) {
                case (0xD0, 0x81), (0xD1, 0x91): (first, second) = (0xD0, 0xB5)  // Ё, ё → е
                case (0xD0, 0x80...0x8F): (first, second) = (0xD1, b + 0x10)  // Ѐ…Џ → ѐ…џ
                case (0xD0, 0x90...0x9F): (first, second) = (0xD0, b + 0x20)  // А…П → а…п
                case (0xD0, 0xA0...0xAF): (first, second) = (0xD1, b - 0x20)  // Р…Я → р…я
                case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x9F): (first, second) = (lead, b)
                default: return nil
                }
                lead = 0
            } else if b < 0x80 {
                // ASCII white space: TAB, LF, VT, FF, CR and the space.
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                guard b > 0x20, b < 0x7F else { return nil }
                first = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            } else {
                guard b == 0xD0 || b == 0xD1 else { return nil }
                lead = b
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(first)
            if second != 0 { out.append(second) }
        }
        return lead == 0 ? String(decoding: out, as: UTF8.self) : nil
    }
}

extension String {
    /// The first letter upper-cased, the rest as written («мастер-класс» → «Мастер-класс»).
    public var sentenceCased: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
