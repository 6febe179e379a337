/// What the text typed in the staff search is: a СНИЛС, a personnel number or (part of) a name.
public enum StaffSearch: Sendable, Equatable {
    /// A СНИЛС with a valid check number, typed with or without its dashes and spaces.
    case snils(SNILS)
    /// A text with a digit that is not a СНИЛС: a personnel number, matched exactly.
    case personnelNumber(String)
    /// A text without digits: the beginnings of words of the full name, folded (`CellValue.fold`),
    /// each of which must begin some word of the name.
    case name(words: [String])

    /// Reads a typed text; `nil` when it is blank (no search).
    ///
    /// Names have no digits and personnel numbers have: a text with a digit is never read as a
    /// name, so it is found through an index of exact keys, never by reading names.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.contains(where: \.isNumber) {
            if case .success(let snils) = SNILS.parse(trimmed) {
                self = .snils(snils)
            } else {
                self = .personnelNumber(trimmed)
            }
            return
        }
        let words = StaffSearch.words(of: trimmed)
        guard !words.isEmpty else { return nil }
        self = .name(words: words)
    }

    /// The words of a full name as the search compares them: folded (case and «ё» aside) and
    /// split at spaces and hyphens, so that «Петрова-Водкина» is found by «водкина» too. The
    /// store's index of words is made with this function, so index and search cannot disagree.
    public static func words(of name: String) -> [String] {
        // By Unicode scalars, not characters: a page of a common surname's search splits thousands
        // of names, and the separators are single scalars.
        let folded = CellValue.fold(name).unicodeScalars
        var words: [String] = []
        var start = folded.startIndex
        var index = start
        while index != folded.endIndex {
            let scalar = folded[index]
            if scalar == " " || scalar == "-" || scalar == "\u{2010}" || scalar == "–" {
                if start != index { words.append(String(folded[start..<index])) }
                start = folded.index(after: index)
            }
            index = folded.index(after: index)
        }
        if start != folded.endIndex { words.append(String(folded[start...])) }
        return words
    }

    /// Whether a full name matches the name `search` (folded words): each of them begins a word
    /// of the name («петр ив» finds «Петров Иван», so does «ив петр»).
    public static func name(_ name: String, matches search: [String]) -> Bool {
        let words = StaffSearch.words(of: name)
        // Bytes compared, as the search tables' index compares a word's range (`staff_search_word`).
        return search.allSatisfy { part in words.contains { $0.utf8.starts(with: part.utf8) } }
    }
}
