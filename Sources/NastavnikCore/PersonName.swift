import Foundation

/// Russian personal names as documents write them.
public enum PersonName {
    /// «Федотова Наталья Эдуардовна», «Федотова Н.Э.», «Н.Э. Федотова», «Н.Э.Федотова»,
    /// «Карабибер Г Б» → «федотова н.э.»; `nil` for a text that is not a person's name (an
    /// organisation, a body).
    ///
    /// A full name and the surname with its initials are one form: in a roadmap's «Ответственные»
    /// the same person is written both ways, and two people of one department who share a
    /// surname and both initials are rare enough that linking to staff still demands exactly one
    /// match (`ImportSession.staffMatching`).
    public static func initialsForm(_ text: String) -> String? {
        let parts = CellValue.fold(text).replacingOccurrences(of: ".", with: ". ")
            .split(separator: " ").map(String.init).filter { !$0.isEmpty }
        guard (2...3).contains(parts.count) else { return nil }
        // «н.», and «н» alone: initials written without their dots («Карабибер Г Б», «Федотова Н. Э»).
        func initial(_ s: String) -> String? {
            if s.count == 2, s.hasSuffix("."), s.first!.isLetter { return s }
            if s.count == 1, s.first!.isLetter { return s + "." }
            return nil
        }
        func isWord(_ s: String) -> Bool { s.count >= 2 && s.allSatisfy { $0.isLetter || $0 == "-" } }
        // Full name: surname, name, patronymic.
        if parts.count == 3, parts.allSatisfy(isWord) {
            return "\(parts[0]) \(parts[1].prefix(1)).\(parts[2].prefix(1))."
        }
        // Surname first: «федотова н. э.»
        if isWord(parts[0]), parts.dropFirst().allSatisfy({ initial($0) != nil }) {
            return "\(parts[0]) " + parts.dropFirst().compactMap(initial).joined()
        }
        // Initials first: «н. э. федотова»
        if let last = parts.last, isWord(last), parts.dropLast().allSatisfy({ initial($0) != nil }) {
            return "\(last) " + parts.dropLast().compactMap(initial).joined()
        }
        return nil
    }

    /// The form two spellings of one person (or one body) share: the initials form of a
    /// person's name, else the text folded. Every comparison of responsible people — the
    /// `--responsible` filter, the report's grouping, the link to staff — goes through it.
    public static func key(_ text: String) -> String {
        initialsForm(text) ?? CellValue.fold(text)
    }

    /// The people and bodies a «Ответственные» cell names, one by one: «УО, Федотова Н.Э.» → two.
    /// Initials hold dots but never commas: the cell is split on commas, semicolons and line breaks.
    public static func names(in cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
            .map { CellValue.trimmed(String($0)) }
            .filter { !$0.isEmpty }
    }

    /// Whether a «Ответственные» cell names `wanted`: one of its names is the same person
    /// («Шурыгина А.А.» for «А.А. Шурыгина»), or, for a body or part of a name, the cell contains it.
    public static func cell(_ cell: String?, names wanted: String) -> Bool {
        let key = key(wanted)
        if names(in: cell).contains(where: { self.key($0) == key }) { return true }
        return CellValue.fold(cell ?? "").contains(CellValue.fold(wanted))
    }

    /// Whether a name in a «Ответственные» cell is a person's, for hiding it: initials written
    /// out, or three words the last of which is a patronymic («…вич», «…вна», «…ична») — a body
    /// of three words («Управление образования администрации») stays.
    public static func isPerson(_ name: String) -> Bool {
        guard initialsForm(name) != nil else { return false }
        let words = CellValue.fold(name).split(separator: " ")
        // Initials without dots («Карабибер Г Б») are initials still.
        guard words.count == 3, words.allSatisfy({ !$0.contains(".") }),
            words.dropFirst().contains(where: { $0.count > 1 })
        else {
            return true
        }
        return ["вич", "вна", "ична"].contains { words[2].hasSuffix($0) }
    }

    /// The cell with every person's name replaced by `pseudonym(key)` and the bodies kept
    /// («УО, Федотова Н.Э.» → «УО, Работник 1A2B3C4D»); one person written two ways gets one
    /// pseudonym, since `key` is the same. Seeds also list people without commas
    /// («Лузгачева З.А. Васильева Т.Д., директора ОУ»): a surname with initials inside a part is
    /// replaced too.
    public static func replacingPeople(in cell: String, with pseudonym: (String) -> String) -> String {
        let parts = names(in: cell)
        let hidden = parts.map { part -> String in
            if isPerson(part) { return pseudonym(key(part)) }
            let text = part as NSString
            var result = ""
            var last = 0
            for match in initialsPattern.matches(in: part, range: NSRange(location: 0, length: text.length)) {
                result += text.substring(with: NSRange(location: last, length: match.range.location - last))
                result += pseudonym(key(text.substring(with: match.range)))
                last = match.range.location + match.range.length
            }
            return result + text.substring(from: last)
        }
        return hidden == parts ? cell : hidden.joined(separator: ", ")
    }

    /// «Федотова Н.Э.», «Н. Э. Федотова», «Н.Э.Федотова» inside a longer text.
    nonisolated(unsafe) private static let initialsPattern = try! NSRegularExpression(
        pattern:
            #"[А-ЯЁ][а-яё]+(?:\s*-\s*[А-ЯЁ][а-яё]+)*\s*[А-ЯЁ]\.\s*[А-ЯЁ]\.|[А-ЯЁ]\.\s*[А-ЯЁ]\.\s*[А-ЯЁ][а-яё]+(?:\s*-\s*[А-ЯЁ][а-яё]+)*"#
    )
}
