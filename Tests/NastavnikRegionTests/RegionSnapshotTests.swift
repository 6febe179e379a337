import Crypto
import Foundation
import NastavnikTestSupport
import Testing

@testable import NastavnikRegion

/// The table lines made as bytes against the plain `String` way of making them.
@Suite struct RegionSnapshotTests {
    /// A table of three value columns.
    static let table = RegionTable(
        name: "t", title: "Проба", columns: [.init("a", "text"), .init("b", "text"), .init("c", "text")])

    /// Each line as text: the values escaped, joined by tabs, the row's hash after them; sorted by
    /// the escaped key's bytes.
    static func expectedLines(_ rows: [[String?]]) -> [String] {
        rows.map { row -> (key: [UInt8], line: String) in
            let body = row.map(RegionSnapshot.copyText).joined(separator: "\t")
            let hash = SHA256.hash(data: Array(body.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
            return (Array(RegionSnapshot.copyText(row[0]).utf8), body + "\t" + hash)
        }
        .sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.line)
    }

    @Test func linesAreTheEscapedValuesAndTheRowHashSortedByTheKeysBytes() throws {
        var random = SeededGenerator(seed: 22)
        let pieces = ["Школа", "№ 5", "a\tb", "c\nd", "e\\f", "g\rh", "Ёлка", "z", "", "ё", "\u{0301}"]
        for round in 0..<200 {
            var keys = Set<String>()
            var rows: [[String?]] = []
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                let key =
                    (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                    .joined() + String(round)
                guard !key.isEmpty, keys.insert(key).inserted else { continue }
                rows.append(
                    [key]
                        + (0..<3).map { _ in Bool.random(using: &random) ? pieces.randomElement(using: &random) : nil })
            }
            let made = try RegionSnapshot.lines(of: Self.table, rows: rows)
            let expected = Self.expectedLines(rows)
            #expect(made.lines == expected)
            #expect(made.count == rows.count)
            var hasher = SHA256()
            for line in expected { hasher.update(data: Array((line + "\n").utf8)) }
            #expect(made.sha256 == Array(hasher.finalize()))
        }
    }

    @Test func aKeyGivenTwiceOrARowOfTheWrongSizeIsRefused() {
        #expect(throws: RegionError("Ключ «S1» встречается в таблице «Проба» дважды.")) {
            try RegionSnapshot.lines(
                of: Self.table, rows: [["S1", "x", nil, nil], ["S2", nil, nil, nil], ["S1", "y", nil, nil]])
        }
        #expect(throws: RegionError.self) { try RegionSnapshot.lines(of: Self.table, rows: [["S1", "x"]]) }
        #expect(throws: RegionError.self) { try RegionSnapshot.lines(of: Self.table, rows: [[nil, "x", nil, nil]]) }
    }
}
