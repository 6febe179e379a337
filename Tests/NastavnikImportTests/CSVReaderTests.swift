import Foundation
import NastavnikCore
import Testing

@testable import NastavnikImport

@Suite struct CSVReaderTests {
    func records(_ bytes: [UInt8], encoding: TextEncoding? = nil, delimiter: UInt8? = nil) throws -> [CSVRecord] {
        let reader = try CSVReader(bytes: bytes, encoding: encoding, delimiter: delimiter)
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    @Test func detectsUTF8WithAndWithoutBOM() throws {
        let text = "ФИО;Код ОО\nИванов;S1\n"
        let plain = try CSVReader(bytes: Array(text.utf8))
        #expect(plain.encoding == .utf8)
        #expect(!plain.hadBOM)
        let withBOM = try CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(withBOM.encoding == .utf8)
        #expect(withBOM.hadBOM)
        #expect(try withBOM.next()?.fields == ["ФИО", "Код ОО"])
        #expect(try withBOM.next()?.fields == ["Иванов", "S1"])
    }

    @Test func detectsWindows1251() throws {
        var lossy = false
        let bytes = Windows1251.encode("ФИО;Код ОО\r\nСемёнов;S1\r\n", lossy: &lossy)
        let reader = try CSVReader(bytes: bytes)
        #expect(reader.encoding == .cp1251)
        #expect(try reader.next()?.fields == ["ФИО", "Код ОО"])
        #expect(try reader.next()?.fields == ["Семёнов", "S1"])
        #expect(try reader.next() == nil)
    }

    @Test(arguments: [(";", UInt8(ascii: ";")), (",", UInt8(ascii: ",")), ("\t", UInt8(9))])
    func detectsEachDelimiter(separator: String, byte: UInt8) throws {
        let text =
            ["ФИО", "Код ОО", "Должность"].joined(separator: separator) + "\n"
            + ["Иванов", "S1", "учитель"].joined(separator: separator) + "\n"
        let reader = try CSVReader(bytes: Array(text.utf8))
        #expect(reader.delimiter == byte)
        #expect(try reader.next()?.fields.count == 3)
    }

    /// A title typed above the table has no delimiter and does not decide; one that Excel
    /// saved is padded with the table's delimiter, its own commas quoted.
    @Test(arguments: [(",", UInt8(ascii: ",")), ("\t", UInt8(9)), (";", UInt8(ascii: ";"))])
    func aTitleLineDoesNotDecideTheDelimiter(separator: String, byte: UInt8) throws {
        let table =
            ["ФИО", "Код ОО", "Должность", "Педстаж"].joined(separator: separator) + "\r\n"
            + ["Иванов", "S1", "учитель", "3"].joined(separator: separator) + "\r\n"
        let typed = "Сведения о педагогах по состоянию на 01.09.2025\r\n\r\n" + table
        let saved =
            "\"Сведения о педагогах, работающих в ОО; на 01.09.2025\"" + String(repeating: separator, count: 3) + "\r\n"
            + table
        #expect(try CSVReader(bytes: Array(typed.utf8)).delimiter == byte)
        #expect(try CSVReader(bytes: Array(saved.utf8)).delimiter == byte)
    }

    /// Rows agree on their number of cells; the commas of a roadmap's activities do not.
    @Test func commasInTheRowsDoNotOutvoteTheHeader() throws {
        let text = "№;Мероприятие;Сроки\n1;Совещания, семинары, вебинары, консультации;Ежеквартально\n"
        #expect(try CSVReader(bytes: Array(text.utf8)).delimiter == UInt8(ascii: ";"))
        // Even when every activity has as many commas as the rows have semicolons.
        let even = "№;Мероприятие;Сроки\n1;Совещания, семинары;2025\n2;Отчёт, анализ;2026\n"
        #expect(try CSVReader(bytes: Array(even.utf8)).delimiter == UInt8(ascii: ";"))
    }

    /// Excel leaves a title's commas unquoted when it saves with `;` and pads the title with
    /// the table's delimiters: the title's commas outnumber them, the table's rows outvote it.
    @Test func anUnquotedTitleWithCommasDoesNotDecide() throws {
        let text =
            "Перечень ОО, 2025, по состоянию на 01.09.2025, форма 1;;\r\nКод ОО;Наименование ОО;Адрес\r\n007;Школа 7;ул. Мира\r\n"
        var lossy = false
        let reader = try CSVReader(bytes: Windows1251.encode(text, lossy: &lossy))
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.encoding == .cp1251)
    }

    @Test func delimiterInsideQuotesDoesNotCount() throws {
        let reader = try CSVReader(bytes: Array("\"a,b,c\";d\n".utf8))
        #expect(reader.delimiter == UInt8(ascii: ";"))
    }

    @Test func quotedDelimitersDoubledQuotesAndLineBreaks() throws {
        let text = "a;b;c\n\"x;y\";\"он сказал \"\"да\"\"\";\"первая\nвторая\"\nlast;2;3\n"
        let rows = try records(Array(text.utf8))
        #expect(rows.count == 3)
        #expect(rows[1].fields == ["x;y", "он сказал \"да\"", "первая\nвторая"])
        #expect(rows[1].line == 2)
        #expect(rows[2].line == 4)
        #expect(rows[2].fields == ["last", "2", "3"])
    }

    @Test func crlfLoneCRAndMissingFinalNewline() throws {
        let rows = try records(Array("a;b\r\n1;2\r3;4\n5;\"6\r\n7\"\r\n8;9".utf8))
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6\n7"], ["8", "9"]])
        #expect(rows.map(\.line) == [1, 2, 3, 4, 6])
    }

    @Test func emptyFieldsAndEmptyLines() throws {
        let rows = try records(Array("a;b;c\n;;\n\n1;;3\n".utf8))
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["", "", ""], [""], ["1", "", "3"]])
        #expect(rows[1].isBlank && rows[2].isBlank && !rows[3].isBlank)
    }

    @Test func unterminatedQuoteNamesItsLine() throws {
        #expect(throws: CSVError.unterminatedQuote(line: 3)) {
            _ = try records(Array("a;b\n1;2\n3;\"open\nnever closed\n".utf8))
        }
    }

    @Test func utf16IsRefused() throws {
        #expect(throws: CSVError.utf16(path: "<память>")) {
            _ = try CSVReader(bytes: [0xFF, 0xFE, 0x41, 0x00])
        }
    }

    /// With headers that do not settle it (English keys), a UTF-8 file with one pasted
    /// Windows-1251 line stays UTF-8 and the line is reported; a Windows-1251 file is one.
    @Test func aStrayLineDoesNotTurnAUTF8FileIntoWindows1251() throws {
        var lossy = false
        let utf8Rows = (1...20).map { "T\($0);Иванова Мария Петровна;S1;учитель\n" }.joined()
        let mixed =
            Array("staff_id;full_name;school_code;position\n".utf8) + Array(utf8Rows.utf8)
            + Windows1251.encode("T99;Петров Пётр;S1;учитель\n", lossy: &lossy)
        let reader = try CSVReader(bytes: mixed)
        #expect(reader.encoding == .utf8)
        while try reader.next() != nil {}
        #expect(
            reader.fieldIssues == [
                CSVFieldIssue(kind: .invalidUTF8, line: 22, field: 1),
                CSVFieldIssue(kind: .invalidUTF8, line: 22, field: 3),
            ])
        let windows =
            Array("staff_id;full_name;school_code;position\n".utf8)
            + Windows1251.encode(utf8Rows + "T99;Ёлкина «Ё» Ёлка;S1;учитель — №1\n", lossy: &lossy)
        #expect(try CSVReader(bytes: windows).encoding == .cp1251)
    }

    @Test func mixedEncodingIsReportedPerField() throws {
        var lossy = false
        let bytes = Array("ФИО;Код\nИванов;S1\n".utf8) + Windows1251.encode("Петров;S2\n", lossy: &lossy)
        let reader = try CSVReader(bytes: bytes, encoding: .utf8)
        while try reader.next() != nil {}
        #expect(reader.fieldIssues == [CSVFieldIssue(kind: .invalidUTF8, line: 3, field: 0)])
    }

    /// The field check is RFC 3629's, as the standard library's validation was: overlong forms,
    /// surrogates, code points past U+10FFFF and truncated sequences are not UTF-8.
    @Test(
        arguments: [
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF0, 0x80, 0x80, 0xAF], [0xD0], [0xE2, 0x82], [0xFF], [0x80],
        ] as [[UInt8]])
    func malformedUTF8InAFieldIsReported(bytes: [UInt8]) throws {
        let reader = try CSVReader(bytes: Array("a;b\nx".utf8) + bytes + Array(";2\n".utf8), encoding: .utf8)
        while try reader.next() != nil {}
        #expect(reader.fieldIssues == [CSVFieldIssue(kind: .invalidUTF8, line: 2, field: 0)])
    }

    /// The check agrees with the standard library's decoding (valid exactly when decoding
    /// changes nothing) on random bytes, mostly those of Cyrillic text and its near misses,
    /// at every offset of the eight-byte words the check reads at once.
    @Test func utf8CheckAgreesWithDecoding() {
        let pool: [UInt8] = [
            0x41, 0x20, 0xD0, 0xD1, 0xC0, 0xC1, 0xC2, 0xDF, 0x80, 0xBF, 0x90, 0xB5, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xFF,
            0x00,
        ]
        var state: UInt64 = 2024
        for _ in 0..<50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var bytes: [UInt8] = []
            for _ in 0..<Int(state >> 59) + Int(state >> 61) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Half the time a whole Cyrillic letter, else one byte of the pool.
                if state >> 63 == 0 {
                    bytes += Array(["ж", "Я", "ё", "Ё", "a"][Int(state >> 33) % 5].utf8)
                } else {
                    bytes.append(pool[Int(state >> 33) % pool.count])
                }
            }
            let decoded = Array(String(decoding: bytes, as: UTF8.self).utf8)
            #expect(bytes.withUnsafeBufferPointer { CSVReader.isUTF8($0) } == (decoded == bytes), "\(bytes)")
        }
    }

    /// Encoding detection allows a sequence cut by the end of the first chunk, but only one
    /// that could still become UTF-8.
    @Test func aCutSequenceIsCheckedAsFarAsItGoes() {
        for valid in [[0x61, 0xD0], [0x61, 0xE2, 0x82], [0x61, 0xF0, 0x9F], [0x61, 0xF0, 0x9F, 0x98]] as [[UInt8]] {
            #expect(CSVReader.isUTF8(valid[...], complete: false), "\(valid)")
            #expect(!CSVReader.isUTF8(valid[...], complete: true), "\(valid)")
        }
        for invalid in [
            [0x61, 0xE0, 0x41], [0x61, 0xE0, 0x80], [0x61, 0xED, 0xA0], [0x61, 0xF4, 0x90], [0x61, 0xF0, 0x80, 0x80],
        ] as [[UInt8]] {
            #expect(!CSVReader.isUTF8(invalid[...], complete: false), "\(invalid)")
        }
    }

    @Test func wellFormedUTF8IsNotReported() throws {
        // Two-, three- and four-byte sequences at the edges of their ranges.
        let text = "a;b\nЖ\u{07FF}\u{0800}\u{D7FF}\u{E000}\u{FFFD};\u{10000}\u{10FFFF}😀\n"
        let reader = try CSVReader(bytes: Array(text.utf8), encoding: .utf8)
        _ = try reader.next()
        let row = try reader.next()
        #expect(row?.fields == ["Ж\u{07FF}\u{0800}\u{D7FF}\u{E000}\u{FFFD}", "\u{10000}\u{10FFFF}😀"])
        #expect(reader.fieldIssues.isEmpty)
    }

    @Test func blankRowsAreThoseOfWhitespaceOnly() {
        #expect(CSVRecord(fields: ["", " ", "\u{00A0}", "\t"], line: 2).isBlank)
        #expect(!CSVRecord(fields: ["", " x"], line: 2).isBlank)
        #expect(!CSVRecord(fields: ["Ж"], line: 2).isBlank)
        #expect(!CSVRecord(fields: ["1"], line: 2).isBlank)
    }

    @Test func nulBytesAreReported() throws {
        let reader = try CSVReader(bytes: Array("a;b\n1\u{0};2\n".utf8))
        while try reader.next() != nil {}
        #expect(reader.fieldIssues == [CSVFieldIssue(kind: .nulByte, line: 2, field: 0)])
    }

    @Test func textAfterAClosingQuoteIsKept() throws {
        let rows = try records(Array("a;b\n\"x\"y;z\n".utf8))
        #expect(rows[1].fields == ["xy", "z"])
    }

    /// The streaming reader gives the same records whatever the chunk size, so a record, a
    /// quote, a CRLF or a multi-byte letter split across chunks reads the same.
    @Test(arguments: [1, 2, 3, 7, 64])
    func chunkBoundariesDoNotMatter(chunkSize: Int) throws {
        let text = "ФИО;Примечание\r\n\"Иванов\";\"строка\r\nвторая; и \"\"кавычки\"\"\"\r\nПетров;\r\n"
        let sandbox = try Sandbox()
        let path = sandbox.write("chunks.csv", text, bom: true)
        let whole = try records([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let reader = try CSVReader(path: path, chunkSize: chunkSize)
        var streamed: [CSVRecord] = []
        while let record = try reader.next() { streamed.append(record) }
        #expect(streamed == whole)
        #expect(streamed[1].fields == ["Иванов", "строка\nвторая; и \"кавычки\""])
        #expect(reader.sha256 == HexDigest.sha256([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
    }

    /// Unquoted fields are decoded in place when the chunk holds them whole, and copied when a
    /// chunk ends inside one: both read the same, at every cut.
    @Test func unquotedFieldsReadTheSameAtEveryChunkBoundary() throws {
        let text = "Код;ФИО;Стаж\nS1;Иванова Анна;12\r\nS2;;\rS3;Петров\u{00A0}Пётр;3,5\n;;\nпоследняя;без;перевода"
        let sandbox = try Sandbox()
        let path = sandbox.write("unquoted.csv", text, bom: false)
        let whole = try records(Array(text.utf8))
        #expect(whole.last?.fields == ["последняя", "без", "перевода"])
        for chunkSize in 4...40 {
            let reader = try CSVReader(path: path, encoding: .utf8, chunkSize: chunkSize)
            var streamed: [CSVRecord] = []
            while let record = try reader.next() { streamed.append(record) }
            #expect(streamed == whole, "chunk of \(chunkSize) bytes")
            #expect(reader.sha256 == HexDigest.sha256(Array(text.utf8)))
        }
    }

    /// Random inputs built of the bytes that steer the reader (delimiters, quotes, line breaks,
    /// halves of Cyrillic letters, NUL): read whole and in chunks of 4–16 bytes, they give the
    /// same records, the same errors and the same field issues.
    @Test func chunkedReadingMatchesWholeReadingOnRandomInputs() throws {
        let alphabet: [[UInt8]] = [
            [0x3B], [0x2C], [0x09], [0x22], [0x22, 0x22], [0x0D], [0x0A], [0x0D, 0x0A], [0x61],
            [0x20], [0xD0, 0x96], [0xD0], [0x96], [0xC6], [0x00], [0xEF, 0xBB, 0xBF],
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<400 {
            let bytes = (0..<random(60)).flatMap { _ in alphabet[random(alphabet.count)] }
            for encoding in TextEncoding.allCases {
                let whole = try CSVReader(bytes: bytes, encoding: encoding)
                let chunked = try CSVReader(
                    bytes: bytes, encoding: encoding, delimiter: whole.delimiter,
                    chunkSize: 4 + random(13))
                let (a, aError) = Self.readAll(whole)
                let (b, bError) = Self.readAll(chunked)
                #expect(a == b && aError == bError, "\(bytes)")
                #expect(whole.fieldIssues == chunked.fieldIssues, "\(bytes)")
            }
        }
    }

    private static func readAll(_ reader: CSVReader) -> ([CSVRecord], CSVError?) {
        var records: [CSVRecord] = []
        do {
            while let record = try reader.next() { records.append(record) }
            return (records, nil)
        } catch {
            return (records, error as? CSVError)
        }
    }
}
