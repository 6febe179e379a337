import Foundation
import NastavnikCore
import Testing

@testable import NastavnikImport

@Suite struct RecordPrefetcherTests {
    /// A file of `count` rows after its header; row `n` (1-based, line n + 1) is `make(n)`.
    func reader(rows count: Int, _ make: (Int) -> [UInt8]) throws -> CSVReader {
        var bytes = Array("a;b\n".utf8)
        for n in 1...count { bytes += make(n) }
        let reader = try CSVReader(bytes: bytes, encoding: .utf8)
        _ = try reader.next()
        return reader
    }

    /// Records come in file order, across many batches, each with exactly its own issues, as
    /// reading the file directly gives them.
    @Test func recordsAndTheirIssuesComeInOrder() throws {
        let bad: Set<Int> = [1, 255, 256, 257, 700, 1999]
        let make = { (n: Int) -> [UInt8] in
            bad.contains(n) ? Array("x\(n);".utf8) + [0xD0] + Array(";\n".utf8) : Array("x\(n);\(n)\n".utf8)
        }
        let direct = try reader(rows: 2000, make)
        var expected: [(CSVRecord, [CSVFieldIssue])] = []
        var seen = 0
        while let record = try direct.next() {
            expected.append((record, Array(direct.fieldIssues[seen...])))
            seen = direct.fieldIssues.count
        }
        let prefetcher = RecordPrefetcher(reader: try reader(rows: 2000, make))
        defer { prefetcher.stop() }
        var got: [(CSVRecord, [CSVFieldIssue])] = []
        while let (record, issues) = try prefetcher.next() { got.append((record, Array(issues))) }
        #expect(got.count == 2000)
        #expect(got.map(\.0) == expected.map(\.0))
        #expect(got.map(\.1) == expected.map(\.1))
        #expect(got.filter { !$0.1.isEmpty }.map(\.0.line) == bad.sorted().map { $0 + 1 })
        #expect(try prefetcher.next() == nil)
    }

    /// A reading error comes after every record before it, then the end.
    @Test func aReadingErrorComesInItsPlace() throws {
        let prefetcher = RecordPrefetcher(
            reader: try reader(rows: 300) { n in
                Array((n == 300 ? "\"open;1\n" : "x;\(n)\n").utf8)
            })
        defer { prefetcher.stop() }
        var lines: [Int] = []
        #expect(throws: CSVError.unterminatedQuote(line: 301)) {
            while let (record, _) = try prefetcher.next() { lines.append(record.line) }
        }
        #expect(lines == Array(2...300))
        #expect(try prefetcher.next() == nil)
    }

    /// Stopping early ends the thread while it waits on a full queue (`stop` returns only then).
    // The limit turns a hang into a failure. It is long: under the whole suite a time-limited test's
    // body waits for a free thread of the pool (430 s in a clean-clone CI run, the suite ~10 minutes).
    @Test(.timeLimit(.minutes(15))) func stoppingEarlyEndsTheThread() throws {
        let prefetcher = RecordPrefetcher(reader: try reader(rows: 20_000) { Array("x;\($0)\n".utf8) })
        #expect(try prefetcher.next()?.record.line == 2)
        prefetcher.stop()
        prefetcher.stop()
    }
}
