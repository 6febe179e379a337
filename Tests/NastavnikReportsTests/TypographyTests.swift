import Foundation
import NastavnikTestSupport
import Testing

@testable import NastavnikReports

/// Russian typography's no-break spaces, split at the space's byte: the same text as the
/// Foundation search it replaced, on random texts of short words, signs and runs of spaces.
@Suite struct TypographyTests {
    /// The rule as it was written with `components(separatedBy:)`: the oracle.
    static func foundationRussian(_ text: String) -> String {
        guard text.contains(" ") else { return text }
        let words = text.components(separatedBy: " ")
        var out = ""
        for i in words.indices {
            let word = words[i]
            out += word
            guard i < words.count - 1 else { break }
            let next = words[i + 1]
            let glue =
                Typography.shortWords.contains(word) || word == "№" || word == "§"
                || next == "%" || next == "—" || next == "–" || (next.hasPrefix("%") && word.last?.isNumber == true)
            out += glue ? Typography.nbsp : " "
        }
        return out
    }

    @Test func noBreakSpacesAreTheSameAsTheFoundationSearchGave() {
        let pieces = [
            "в", "и", "к", "с", "№", "§", "%", "%)", "—", "–", "12", "школа", "ЦНППМ", "", "Ёлка", "a\u{301}",
            "1", "по", "на",
        ]
        var rng = SeededGenerator(seed: 22)
        for _ in 0..<3000 {
            let count = Int(rng.next() % 7)
            let text = (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                .joined(separator: rng.next() % 4 == 0 ? "  " : " ")
            #expect(Typography.russian(text) == Self.foundationRussian(text), "«\(text)»")
        }
        #expect(Typography.russian("в школе № 5 — 12 %") == "в\u{00A0}школе №\u{00A0}5\u{00A0}— 12\u{00A0}%")
    }
}
