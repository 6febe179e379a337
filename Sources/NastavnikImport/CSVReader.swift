import Foundation
import NastavnikCore

/// A streaming RFC 4180 reader working on bytes.
///
/// It reads the file in chunks, so memory does not grow with the file. The encoding
/// (UTF-8 with or without BOM, or Windows-1251) and the delimiter (`;`, `,` or TAB) are
/// detected from the first chunk unless given. Quoted fields may hold delimiters, doubled
/// quotes and line breaks; lines end with LF, CRLF or a lone CR.
public final class CSVReader {
    public let encoding: TextEncoding
    public let delimiter: UInt8
    /// Whether the file started with a UTF-8 byte order mark.
    public let hadBOM: Bool
    /// Field defects found so far (read past, decoded with replacement characters).
    @exclusivity(unchecked) public private(set) var fieldIssues: [CSVFieldIssue] = []
    /// SHA-256 of the bytes read so far; the whole file's once `next()` has returned `nil` (or
    /// `read(into:)` false).
    public var sha256: String { hasher.hexDigest() }
    private let hasher = ChunkHasher()
    let path: String

    private let handle: FileHandle?
    // A reader is used by one thread at a time (see `RecordPrefetcher`), and these are
    // touched for every byte or field: no runtime check of exclusive access.
    @exclusivity(unchecked) private var chunk: [UInt8]
    @exclusivity(unchecked) private var position: Int
    @exclusivity(unchecked) private var exhausted: Bool
    @exclusivity(unchecked) private var line = 1
    private let chunkSize: Int

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Opens a file for reading.
    public convenience init(
        path: String, encoding: TextEncoding? = nil, delimiter: UInt8? = nil,
        chunkSize: Int = 1 << 20
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "нет доступа" : "файл не найден"
            throw CSVError.unreadable(path: path, reason: reason)
        }
        // The first chunk decides the encoding and holds a whole BOM even with tiny chunks.
        var first = Data()
        do {
            let wanted = max(chunkSize, 4)
            while first.count < wanted, let more = try handle.read(upToCount: wanted - first.count), !more.isEmpty {
                first.append(more)
            }
        } catch {
            throw CSVError.unreadable(path: path, reason: SystemErrorText.russian(error))
        }
        try self.init(
            first: [UInt8](first), handle: handle, path: path, encoding: encoding,
            delimiter: delimiter, chunkSize: chunkSize, more: first.count >= max(chunkSize, 4))
    }

    /// Reads bytes already in memory (tests, fuzzing): in one piece, or in chunks of
    /// `chunkSize` bytes as a file would be read, which must give the same records.
    public convenience init(
        bytes: [UInt8], encoding: TextEncoding? = nil, delimiter: UInt8? = nil,
        chunkSize: Int? = nil
    ) throws {
        let size = max(chunkSize ?? bytes.count, 4)
        try self.init(
            first: Array(bytes.prefix(size)), handle: nil, path: "<память>", encoding: encoding,
            delimiter: delimiter, chunkSize: size, more: bytes.count > size)
        rest = bytes.dropFirst(size)
        exhausted = rest.isEmpty
    }

    /// What is left of bytes given in memory.
    private var rest: ArraySlice<UInt8> = []

    private init(
        first: [UInt8], handle: FileHandle?, path: String, encoding: TextEncoding?,
        delimiter: UInt8?, chunkSize: Int, more: Bool
    ) throws {
        self.handle = handle
        self.path = path
        self.chunkSize = chunkSize
        self.exhausted = handle == nil
        var start = 0
        if first.starts(with: [0xFF, 0xFE]) || first.starts(with: [0xFE, 0xFF]) {
            throw CSVError.utf16(path: path)
        }
        if first.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = 3
            hadBOM = true
        } else {
            hadBOM = false
        }
        self.chunk = first
        self.position = start
        hasher.update(first)
        if let encoding {
            self.encoding = encoding
        } else if hadBOM {
            self.encoding = .utf8
        } else {
            let atEnd = !more
            // Russian headers in valid UTF-8 settle it even if later rows are not (a mixed file
            // is then reported row by row); otherwise the whole first chunk decides.
            let body = first[start...]
            let headerEnd = body.firstIndex(where: { $0 == CSVReader.lf || $0 == CSVReader.cr }) ?? body.endIndex
            let header = body[body.startIndex..<headerEnd]
            let headerSaysUTF8 =
                headerEnd < body.endIndex && header.contains(where: { $0 >= 0x80 })
                && CSVReader.isUTF8(header, complete: true)
            self.encoding = headerSaysUTF8 || CSVReader.mostlyUTF8(body, complete: atEnd) ? .utf8 : .cp1251
        }
        self.delimiter = delimiter ?? CSVReader.detectDelimiter(first[start...])
    }

    /// True when the bytes are UTF-8 but for a few stray bytes: ten valid multi-byte letters
    /// for every invalid byte. A UTF-8 file with one line pasted from a Windows-1251 one stays
    /// UTF-8, and that line is reported («байты не в кодировке UTF-8») instead of the whole file
    /// being decoded as Windows-1251, which would turn every other letter into nonsense.
    /// Windows-1251 text hardly ever forms valid sequences: its lower-case letters are lead
    /// bytes followed by more letters, never by continuation bytes.
    static func mostlyUTF8(_ bytes: ArraySlice<UInt8>, complete: Bool) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var valid = 0
            var invalid = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] < 0x80 {
                    i += 1
                    continue
                }
                if let length = sequenceLength(at: i, in: bytes), length > 0 {
                    valid += 1
                    i += length
                    continue
                }
                // A sequence cut by the end of a chunk is not held against the file.
                if bytes.count - i >= 4 || complete { invalid += 1 }
                i += 1
                // Settled once even a rest of two-byte letters could not outweigh it (a
                // Windows-1251 file, whose first chunk need not be scanned to its end).
                if valid + (bytes.count - i) / 2 < 10 * invalid { return false }
            }
            return valid >= 10 * invalid
        }
    }

    /// True when the bytes are valid UTF-8; an incomplete sequence at the very end is allowed
    /// when more bytes follow in the file.
    static func isUTF8(_ bytes: ArraySlice<UInt8>, complete: Bool) -> Bool {
        bytes.withUnsafeBufferPointer { isUTF8($0, complete: complete) }
    }

    /// True when the bytes are valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
    /// above U+10FFFF); with `complete` false, an incomplete sequence at the very end is allowed.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool = true) -> Bool {
        var i = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while i < bytes.count {
            if i + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // ASCII eight bytes at a time (codes, dates and numbers are most of a file).
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                // Four two-byte letters (Cyrillic text): leads 110xxxxx but not C0 or C1 (their
                // bits 1–4 not all zero), each followed by a continuation byte 10xxxxxx.
                if word & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0,
                    ((word & 0x001E_001E_001E_001E) &+ 0x007F_007F_007F_007F) & 0x0080_0080_0080_0080
                        == 0x0080_0080_0080_0080
                {
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            // A two-byte letter (all of Cyrillic), the common case, without the general checks.
            if b >= 0xC2, b < 0xE0, i + 1 < bytes.count, bytes[i + 1] & 0xC0 == 0x80 {
                i += 2
                continue
            }
            guard let length = sequenceLength(at: i, in: bytes) else { return false }
            if length == 0 { return !complete }
            i += length
        }
        return true
    }

    /// The length of the well-formed UTF-8 sequence at `i`; 0 when the end of the bytes cuts
    /// it, correct as far as it goes; `nil` when it is ill-formed.
    @inline(__always)
    private static func sequenceLength(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let b = bytes[i]
        if b < 0x80 { return 1 }
        let length: Int
        if b & 0xE0 == 0xC0, b >= 0xC2 {
            length = 2
        } else if b & 0xF0 == 0xE0 {
            length = 3
        } else if b & 0xF8 == 0xF0, b <= 0xF4 {
            length = 4
        } else {
            return nil
        }
        let present = min(length, bytes.count - i)
        for k in 1..<present where bytes[i + k] & 0xC0 != 0x80 { return nil }
        // The second byte's range rules out overlong forms, surrogates and code points beyond
        // U+10FFFF, which the lead byte alone does not.
        if present > 1 {
            let second = bytes[i + 1]
            switch b {
            case 0xE0 where second < 0xA0, 0xED where second > 0x9F, 0xF0 where second < 0x90, 0xF4 where second > 0x8F:
                return nil
            default:
                break
            }
        }
        return present < length ? 0 : length
    }

    /// Counts `;`, TAB and `,` outside quotes on each of the first lines (up to 20 that have
    /// any): the delimiter found the same number of times on the most lines wins. A table's
    /// rows agree on their number of cells, while the commas of a roadmap's activities or of a
    /// title typed above the table («Перечень ОО, 2025, по состоянию на 01.09.2025;;») vary
    /// from line to line. Ties go to `;` (what Russian Excel writes), then TAB.
    static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        let order: [UInt8] = [UInt8(ascii: ";"), 9, UInt8(ascii: ",")]
        var lines: [[Int]] = []
        var counts = [0, 0, 0]
        var inQuotes = false
        for b in bytes {
            if b == quote {
                inQuotes.toggle()
            } else if inQuotes {
                continue
            } else if b == lf || b == cr {
                if counts != [0, 0, 0] {
                    lines.append(counts)
                    if lines.count == 20 { break }
                }
                counts = [0, 0, 0]
            } else if let k = order.firstIndex(of: b) {
                counts[k] += 1
            }
        }
        if counts != [0, 0, 0], lines.count < 20 { lines.append(counts) }
        var winner = 0
        var best = 0
        for k in 0..<3 {
            var tally: [Int: Int] = [:]
            for line in lines where line[k] > 0 { tally[line[k], default: 0] += 1 }
            let agreeing = tally.values.max() ?? 0
            if agreeing > best {
                best = agreeing
                winner = k
            }
        }
        return order[winner]
    }

    /// Reads the next chunk; false at the end of the file. A read error stops the import
    /// rather than passing for the end of the file.
    private func refill() throws -> Bool {
        guard !exhausted else { return false }
        guard let handle else {
            chunk = Array(rest.prefix(chunkSize))
            rest = rest.dropFirst(chunkSize)
            exhausted = chunk.isEmpty
            if exhausted { return false }
            hasher.update(chunk)
            position = 0
            return true
        }
        let descriptor = handle.fileDescriptor
        var failure: Int32 = 0
        // Straight into a new array: no `Data` in between, and the array goes on to the hashing
        // thread while the next one is parsed.
        let next = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        if failure != 0 {
            throw CSVError.unreadable(path: path, reason: SystemErrorText.russian(errno: failure))
        }
        if next.isEmpty {
            exhausted = true
            return false
        }
        chunk = next
        hasher.update(chunk)
        position = 0
        return true
    }

    @exclusivity(unchecked) private var fieldBytes: [UInt8] = []
    @exclusivity(unchecked) private var pendingCR = false
    /// The one record `next()` reads.
    private var single = RawRecords()

    /// The next record, or `nil` at the end of the file.
    public func next() throws -> CSVRecord? {
        single.removeAll()
        guard try read(into: &single) else { return nil }
        return single.record(0)
    }

    /// Appends the next record's decoded fields to `records`; false at the end of the file.
    /// A record that fails to read is not appended.
    public func read(into records: inout RawRecords) throws -> Bool {
        do {
            return try readRecord(into: &records)
        } catch {
            records.dropOpenRecord()
            throw error
        }
    }

    private func readRecord(into records: inout RawRecords) throws -> Bool {
        // `afterField`: a field decoded in place; the byte after it ends it.
        enum State { case fieldStart, unquoted, quoted, afterQuote, afterField }
        var state = State.fieldStart
        let recordLine = line
        var quoteLine = line
        var sawAnything = false
        fieldBytes.removeAll(keepingCapacity: true)

        while true {
            if position >= chunk.count {
                if try !refill() { break }
            }
            let byte = chunk[position]
            position += 1
            if pendingCR {
                pendingCR = false
                if byte == CSVReader.lf { continue }
            }
            sawAnything = true
            switch state {
            case .afterField:
                if byte == delimiter {
                    state = .fieldStart
                } else {
                    endLine(byte)
                    records.endRecord(line: recordLine)
                    return true
                }
            case .quoted:
                if byte == CSVReader.quote {
                    state = .afterQuote
                } else {
                    if byte == CSVReader.lf {
                        line += 1
                        fieldBytes.append(byte)
                    } else if byte == CSVReader.cr {
                        // CRLF and a lone CR inside a cell are one line break, kept as LF.
                        line += 1
                        pendingCR = true
                        fieldBytes.append(CSVReader.lf)
                    } else {
                        // Copy the run up to the next quote or line break in one go.
                        let end = scan(from: position) {
                            $0 == CSVReader.quote || $0 == CSVReader.lf || $0 == CSVReader.cr
                        }
                        fieldBytes.append(contentsOf: chunk[(position - 1)..<end])
                        position = end
                    }
                }
            case .fieldStart, .unquoted, .afterQuote:
                if byte == delimiter {
                    finishField(into: &records, line: recordLine)
                    state = .fieldStart
                } else if byte == CSVReader.lf || byte == CSVReader.cr {
                    finishField(into: &records, line: recordLine)
                    endLine(byte)
                    records.endRecord(line: recordLine)
                    return true
                } else if state == .afterQuote {
                    // A quote after a closing quote is a quote inside the field; other text after
                    // it is kept, as spreadsheet programs do.
                    fieldBytes.append(byte)
                    state = byte == CSVReader.quote ? .quoted : .unquoted
                } else if byte == CSVReader.quote && state == .fieldStart {
                    state = .quoted
                    quoteLine = line
                } else {
                    // Copy the run up to the next delimiter or line break in one go.
                    let (end, ascii) = scanRun(from: position - 1)
                    if state == .fieldStart && end < chunk.count {
                        // The whole field lies in this chunk, as nearly every field does: it is
                        // decoded from where it is, without the copy; ASCII without NUL bytes
                        // (codes, dates, numbers) is the same in both encodings and valid.
                        let start = position - 1
                        chunk.withUnsafeBufferPointer {
                            let bytes = UnsafeBufferPointer(rebasing: $0[start..<end])
                            if ascii {
                                records.appendBytes(bytes)
                                records.endField()
                            } else {
                                field(bytes, into: &records, line: recordLine)
                            }
                        }
                        position = end
                        state = .afterField
                    } else {
                        fieldBytes.append(contentsOf: chunk[(position - 1)..<end])
                        position = end
                        state = .unquoted
                    }
                }
            }
        }
        if state == .quoted {
            throw CSVError.unterminatedQuote(line: quoteLine)
        }
        guard sawAnything else { return false }
        if state != .afterField { finishField(into: &records, line: recordLine) }
        records.endRecord(line: recordLine)
        return true
    }

    /// The index of the first delimiter or line break from `start` in the current chunk (or the
    /// chunk's end), and whether the bytes before it are ASCII without NUL. Eight bytes at a
    /// time: a byte equal to one of the three is found as a zero byte of the word XOR that byte
    /// repeated (the lowest zero byte such arithmetic flags is always a true one).
    @inline(__always)
    private func scanRun(from start: Int) -> (end: Int, ascii: Bool) {
        let delimiter = self.delimiter
        return chunk.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let d = ones &* UInt64(delimiter)
            let lf = ones &* UInt64(CSVReader.lf)
            let cr = ones &* UInt64(CSVReader.cr)
            @inline(__always) func zeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
            var i = start
            // High bits and zero bytes seen before the stop.
            var odd: UInt64 = 0
            while i + 8 <= buffer.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let stops = zeros(word ^ d) | zeros(word ^ lf) | zeros(word ^ cr)
                let here = (word & highs) | zeros(word)
                if stops != 0 {
                    let k = stops.trailingZeroBitCount / 8
                    if k > 0 { odd |= here & (~UInt64(0) >> (64 - 8 * k)) }
                    return (i + k, odd == 0)
                }
                odd |= here
                i += 8
            }
            while i < buffer.count {
                let b = buffer[i]
                if b == delimiter || b == CSVReader.lf || b == CSVReader.cr { break }
                if b >= 0x80 || b == 0 { odd = 1 }
                i += 1
            }
            return (i, odd == 0)
        }
    }

    /// The index of the first byte from `start` in the current chunk that stops a run, or the
    /// chunk's end.
    @inline(__always)
    private func scan(from start: Int, stop: (UInt8) -> Bool) -> Int {
        chunk.withUnsafeBufferPointer { buffer in
            var i = start
            while i < buffer.count, !stop(buffer[i]) { i += 1 }
            return i
        }
    }

    private func endLine(_ byte: UInt8) {
        line += 1
        if byte == CSVReader.cr { pendingCR = true }
    }

    private func finishField(into records: inout RawRecords, line: Int) {
        defer { fieldBytes.removeAll(keepingCapacity: true) }
        if fieldBytes.isEmpty { return records.endField() }
        fieldBytes.withUnsafeBufferPointer { field($0, into: &records, line: line) }
    }

    /// Appends a field's bytes decoded as UTF-8, noting its defects.
    private func field(_ buffer: UnsafeBufferPointer<UInt8>, into records: inout RawRecords, line: Int) {
        defer { records.endField() }
        if let base = buffer.baseAddress, memchr(base, 0, buffer.count) != nil {
            fieldIssues.append(CSVFieldIssue(kind: .nulByte, line: line, field: records.openFields))
        }
        switch encoding {
        case .cp1251:
            records.appendWindows1251(buffer)
        case .utf8:
            if CSVReader.isUTF8(buffer) {
                records.appendBytes(buffer)
            } else {
                // U+FFFD for every ill-formed sequence, by Unicode's rules (which are RFC 3629's).
                fieldIssues.append(CSVFieldIssue(kind: .invalidUTF8, line: line, field: records.openFields))
                records.appendBytes(String(decoding: buffer, as: UTF8.self))
            }
        }
    }
}
