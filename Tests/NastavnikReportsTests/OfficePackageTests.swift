import Foundation
import NastavnikTestSupport
import Testing

@testable import NastavnikReports

@Suite struct OfficePackageTests {
    /// Text of `count` bytes or a little more, Cyrillic and markup, repetitive as a worksheet is
    /// but not periodic (a linear congruential generator picks the words).
    func text(bytes count: Int, seed: UInt64) -> String {
        let words = ["<row r=\"", "Иванова", " Мария ", "Петровна", "</c>", "МБОУ СОШ № ", "&amp;", "\n", "2027"]
        var state = seed
        var out = ""
        out.reserveCapacity(count + 32)
        while out.utf8.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out += words[Int(state >> 33) % words.count]
            if state >> 60 == 0 { out += String(state % 100_000) }
        }
        return out
    }

    @Test func aPartOfManyBlocksReadsBackWholeWithItsChecksum() throws {
        // Three full blocks and a part of one: every block primed by the one before, the last
        // ending the stream; ZIPFoundation checks each entry's CRC-32 as it extracts it.
        let large = text(bytes: OfficePackage.blockSize * 3 + 12_345, seed: 7)
        let parts = [("xl/worksheets/sheet1.xml", large), ("empty.xml", ""), ("small.xml", "<a>Привет</a>")]
        let read = try ZIPParts.read(try OfficePackage.zip(parts.map { (path: $0.0, xml: $0.1) }))
        #expect(read.count == 3)
        #expect(read["xl/worksheets/sheet1.xml"] == large)
        #expect(read["empty.xml"] == "")
        #expect(read["small.xml"] == "<a>Привет</a>")
    }

    @Test func theSameContentGivesTheSameBytes() throws {
        let large = text(bytes: OfficePackage.blockSize * 2 + 1, seed: 11)
        let first = try OfficePackage.zip([("a.xml", large), ("b.xml", "<b/>")])
        let second = try OfficePackage.zip([("a.xml", large), ("b.xml", "<b/>")])
        #expect(first == second)
        // And deflates: repetitive XML shrinks several times over.
        #expect(first.count < large.utf8.count / 3)
    }

    @Test func aBlockBoundaryInsideACharacterIsHarmless() throws {
        // The blocks split bytes, not characters: a Cyrillic letter's two bytes on either side of
        // a boundary come back joined.
        let prefix = String(repeating: "a", count: OfficePackage.blockSize - 1)
        let xml = prefix + "Жж" + String(repeating: "б", count: 1000)
        #expect(Array(xml.utf8)[OfficePackage.blockSize - 1] == 0xD0)
        let read = try ZIPParts.read(try OfficePackage.zip([("x.xml", xml)]))
        #expect(read["x.xml"] == xml)
    }
}
