/// Russian personal names as documents write them.
public enum PersonName {
    /// «Федотова Наталья Эдуардовна», «Федотова Н.Э.», «Н.Э. Федотова» → «федотова н.э.»;
    /// `nil` for a text that is not a person's name (an organisation, a body).
    public static func initialsForm(_ text: String) -> String? {
        let parts = CellValue.fold(text).replacingOccurrences(of: ".", with: ". ")
            .split(separator: " ").map(String.init).filter { !$0.isEmpty }
        guard (2...3).contains(parts.count) else { return nil }
        func isInitial(_ s: String) -> Bool { s.count == 2 && s.hasSuffix(".") && s.first!.isLetter }
        func isWord(_ s: String) -> Bool { s.count >= 2 && s.allSatisfy { $0.isLetter || $0 == "-" } }
        // Full name: surname, name, patronymic.
        if parts.count == 3, parts.allSatisfy(isWord) {
            return "\(parts[0]) \(parts[1].prefix(1)).\(parts[2].prefix(1))."
        }
        // Surname first: «федотова н. э.»
        if isWord(parts[0]), parts.dropFirst().allSatisfy(isInitial) {
            return "\(parts[0]) " + parts.dropFirst().joined()
        }
        // Initials first: «н. э. федотова»
        if let last = parts.last, isWord(last), parts.dropLast().allSatisfy(isInitial) {
            return "\(last) " + parts.dropLast().joined()
        }
        return nil
    }
}
