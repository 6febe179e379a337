import Crypto
import Foundation
import NastavnikTestSupport
import Synchronization
import Testing

@testable import NastavnikRegion

/// The table lines made as bytes (`RegionTableWriter`) against the plain `String` way of making
/// them, and the tables' digests against big-number arithmetic done here.
@Suite struct RegionSnapshotTests {
    /// A table of three value columns.
    static let table = RegionTable(
        name: "t", title: "Проба", columns: [.init("a", "text"), .init("b", "text"), .init("c", "text")])

    /// Each line as text: the values escaped, joined by tabs, the row's hash after them; in the
    /// order given.
    static func expectedLines(_ rows: [[String?]]) -> String {
        rows.map { row -> String in
            let body = row.map(RegionSnapshot.copyText).joined(separator: "\t")
            let hash = SHA256.hash(data: Array(body.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
            return body + "\t" + hash + "\n"
        }.joined()
    }

    /// The SHA-256 of the count and of the sum, modulo 2²⁵⁶, of the rows' SHA-256.
    static func expectedSummary(_ rows: [[String?]]) -> RegionSnapshot.TableSummary {
        var sum = [UInt8](repeating: 0, count: 32)
        for row in rows {
            let digest = Array(SHA256.hash(data: Array(row.map(RegionSnapshot.copyText).joined(separator: "\t").utf8)))
            var carry = 0
            for i in stride(from: 31, through: 0, by: -1) {
                let total = Int(sum[i]) + Int(digest[i]) + carry
                sum[i] = UInt8(total & 0xFF)
                carry = total >> 8
            }
        }
        return .init(rows: rows.count, sha256: Array(SHA256.hash(data: Array("\(rows.count)\n".utf8) + sum)))
    }

    /// Every piece a sink hands on, in order.
    final class Pieces: Sendable {
        let all = Mutex<[(RegionTable, RegionSnapshot.Piece)]>([])

        func sink(chunkBytes: Int) -> RegionSnapshot.Sink {
            .init(chunkBytes: chunkBytes) { table, piece in self.all.withLock { $0.append((table, piece)) } }
        }

        /// The lines' text, the rows each piece said it had against its lines, and the summary.
        var made: (text: String, counted: Bool, summary: RegionSnapshot.TableSummary?) {
            all.withLock { pieces in
                var bytes: [UInt8] = []
                var counted = true
                var summary: RegionSnapshot.TableSummary?
                for (_, piece) in pieces {
                    switch piece {
                    case .lines(let lines, let rows):
                        counted = counted && lines.last == 0x0A && lines.count(where: { $0 == 0x0A }) == rows
                        bytes += lines
                    case .end(let end): summary = end
                    }
                }
                return (String(decoding: bytes, as: UTF8.self), counted, summary)
            }
        }
    }

    static func randomRows(round: Int, using random: inout SeededGenerator) -> [[String?]] {
        let pieces = ["Школа", "№ 5", "a\tb", "c\nd", "e\\f", "g\rh", "Ёлка", "z", "", "ё", "\u{0301}"]
        var keys = Set<String>()
        var rows: [[String?]] = []
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            let key =
                (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined() + String(round)
            guard keys.insert(key).inserted else { continue }
            rows.append(
                [key] + (0..<3).map { _ in Bool.random(using: &random) ? pieces.randomElement(using: &random) : nil })
        }
        return rows
    }

    @Test func linesAreTheEscapedValuesAndTheRowHashInPiecesOfWholeLines() throws {
        var random = SeededGenerator(seed: 22)
        for round in 0..<200 {
            let rows = Self.randomRows(round: round, using: &random)
            let pieces = Pieces()
            // Small pieces, so that a table of a few rows comes in several.
            try pieces.sink(chunkBytes: Int.random(in: 1...400, using: &random))(Self.table, rows)
            let made = pieces.made
            #expect(made.text == Self.expectedLines(rows))
            #expect(made.counted)
            #expect(made.summary == Self.expectedSummary(rows))
            #expect(pieces.all.withLock { $0.allSatisfy { $0.0 == Self.table } })
        }
    }

    @Test func aTablesDigestIsTheSameWhateverOrderItsRowsComeIn() throws {
        var random = SeededGenerator(seed: 7)
        for round in 0..<50 {
            let rows = Self.randomRows(round: round, using: &random)
            let a = Pieces()
            let b = Pieces()
            try a.sink(chunkBytes: 1 << 18)(Self.table, rows)
            try b.sink(chunkBytes: 64)(Self.table, rows.shuffled(using: &random))
            #expect(a.made.summary == b.made.summary)
            var changed = rows
            if !changed.isEmpty {
                changed[0][1] = (changed[0][1] ?? "") + "!"
                let c = Pieces()
                try c.sink(chunkBytes: 1 << 18)(Self.table, changed)
                #expect(c.made.summary != a.made.summary)
            }
        }
    }

    @Test func aKeyGivenTwiceAnEmptyKeyOrARowOfTheWrongSizeIsRefused() {
        let sink = Pieces().sink(chunkBytes: 1 << 18)
        #expect(throws: RegionError("Ключ «S1» встречается в таблице «Проба» дважды.")) {
            try sink(Self.table, [["S1", "x", nil, nil], ["S2", nil, nil, nil], ["S1", "y", nil, nil]])
        }
        #expect(throws: RegionError("Строка таблицы «Проба» без ключа или не того размера: 2 значений.")) {
            try sink(Self.table, [["S1", "x"]])
        }
        #expect(throws: RegionError.self) { try sink(Self.table, [[nil, "x", nil, nil]]) }
        #expect(throws: RegionError.self) { try sink(Self.table, [["", "x", nil, nil]]) }
    }

    @Test func keyCountsCountEachKeyAsADictionaryWould() {
        var random = SeededGenerator(seed: 3)
        var counts = RegionKeyCounts()
        var oracle: [[UInt8]: Int] = [:]
        for _ in 0..<20_000 {
            // Few distinct keys of a few bytes (many repeats) and the empty key among them.
            let key = (0..<Int.random(in: 0...3, using: &random)).map { _ in UInt8.random(in: 0...30, using: &random) }
            oracle[key, default: 0] += 1
            #expect(counts.add(key) == oracle[key])
        }
        #expect(counts.count == oracle.count)
    }

    @Test func keyCountsTellLongKeysApartByEveryByteAndLength() {
        var random = SeededGenerator(seed: 5)
        var counts = RegionKeyCounts()
        var oracle: [[UInt8]: Int] = [:]
        // Keys as long as a training's, across the eight-byte words the hash reads, many distinct
        // (the table grows many times) and many differing from another in one byte or a zero
        // byte more.
        let stems = (0..<3_000).map { _ in
            (0..<Int.random(in: 1...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        for _ in 0..<40_000 {
            var key = stems.randomElement(using: &random)!
            switch Int.random(in: 0...3, using: &random) {
            case 0: key[Int.random(in: 0..<key.count, using: &random)] ^= 1
            case 1: key.append(0)
            default: break
            }
            oracle[key, default: 0] += 1
            #expect(counts.add(key) == oracle[key])
        }
        #expect(counts.count == oracle.count)
    }
}
