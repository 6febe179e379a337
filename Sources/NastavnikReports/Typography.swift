import Foundation

/// Russian typesetting for documents: no line break inside «№ 5», «12,5 %», «в школе», or
/// before a dash; and escaping for HTML and XML.
public enum Typography {
    static let nbsp = "\u{00A0}"
    static let shortWords: Set<String> = [
        "в", "во", "к", "ко", "с", "со", "у", "о", "об", "и", "а", "но", "на", "по", "за", "из", "от", "до", "не", "ни",
        "В", "Во", "К", "С", "У", "О", "Об", "И", "А", "Но", "На", "По", "За", "Из", "От", "До", "Не",
    ]

    /// Binds short prepositions and conjunctions to the next word, `№` and `§` to their number,
    /// a number to `%`, and a dash to the word before it.
    public static func russian(_ text: String) -> String {
        // Split at the space's byte, not by Foundation's search: a Word document's column widths
        // pass every cell of a table through here (a region's order: 291,050 rows).
        guard text.utf8.contains(0x20) else { return text }
        // The words as slices of the bytes: a String is made only for a word short enough to be
        // a preposition, or before a «%».
        let words = text.utf8.split(separator: 0x20, omittingEmptySubsequences: false)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for i in words.indices {
            let word = words[i]
            out.append(contentsOf: word)
            guard i < words.count - 1 else { break }
            let next = words[i + 1]
            let glue =
                (word.count <= 4 && shortWords.contains(String(Substring(word))))
                || word.elementsEqual("№".utf8) || word.elementsEqual("§".utf8)
                || next.elementsEqual("%".utf8) || next.elementsEqual("—".utf8) || next.elementsEqual("–".utf8)
                || (next.first == 0x25 && String(Substring(word)).last?.isNumber == true)
            if glue { out.append(contentsOf: [0xC2, 0xA0]) } else { out.append(0x20) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes text for HTML and XML content and attribute values.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape or drop: returned as it is, without a scalar-by-scalar copy
        // (a region's order writes millions of cells). 0xEF leads U+FFFE and U+FFFF in UTF-8.
        func needs(_ b: UInt8) -> Bool {
            (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22
                || b == 0x27 || b == 0xEF
        }
        let inPlace = text.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where needs(b) { return false }
            return true
        }
        if inPlace ?? !text.utf8.contains(where: needs) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and line breaks are not allowed in XML 1.0.
                if ch.value < 0x20 && ch != "\t" && ch != "\n" && ch != "\r" { continue }
                if ch.value == 0xFFFE || ch.value == 0xFFFF { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Text for HTML: escaped, with Russian non-breaking spaces.
    public static func html(_ text: String) -> String { escape(russian(text)) }
}
