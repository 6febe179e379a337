import NastavnikCore

/// Reading a cell of a staff row straight from the file's decoded UTF-8 bytes, for the rows
/// the import checks without making a `String` of each cell (`StaffRows.handleRaw`). Each
/// function answers exactly as its `CellValue` counterpart on the same text, or says that only
/// the general path can read the cell.
enum ByteCell {
    /// The range of `bytes` (UTF-8) that `CellValue.trimmed` keeps.
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>? = nil) -> Range<Int> {
        var start = range?.lowerBound ?? 0
        var end = range?.upperBound ?? bytes.count
        while start < end {
            let byte = bytes[start]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                start += 1
            } else if byte == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                end -= 1
            } else if byte == 0xA0, end - 1 > start, bytes[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return start..<end
    }

    /// `CellValue.list` on UTF-8 bytes: calls `item` with the range of each item, in order.
    static func listItems(_ bytes: UnsafeBufferPointer<UInt8>, _ item: (Range<Int>) -> Void) {
        var start = 0
        for index in 0...bytes.count
        where index == bytes.count
            || bytes[index] == UInt8(ascii: ";") || bytes[index] == UInt8(ascii: ",")
            || bytes[index] == UInt8(ascii: "|")
        {
            let range = trimmedRange(bytes, in: start..<index)
            if !range.isEmpty { item(range) }
            start = index + 1
        }
    }

    /// The cell's bytes when they are what `RowReader.raw` reads from it: nothing to trim and no
    /// Excel text prefix. Empty for an empty cell or a column the file lacks; `nil` when only
    /// the general path can read the cell.
    @inline(__always)
    static func plain(_ raw: RawRecord, _ index: Int) -> UnsafeBufferPointer<UInt8>? {
        guard index >= 0, index < raw.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let cell = raw[index]
        guard let first = cell.first else { return cell }
        if first == UInt8(ascii: "=") || first == UInt8(ascii: "'") { return nil }
        return trimmedRange(cell) == 0..<cell.count ? cell : nil
    }

    /// True when the cell starts with a character that is surely not white space (printable
    /// ASCII, or a basic Cyrillic letter): its row is not blank. A row of cells holding only
    /// other white space (U+3000, U+2003…) is blank to the general path, and is skipped there.
    static func startsWithNonBlank(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first else { return false }
        return (first > 0x20 && first < 0x7F) || first == 0xD0 || first == 0xD1
    }

    /// True when `CellValue.singleSpaced` leaves the name as it is: no TAB, no two spaces in a
    /// row, and no byte C2 (which leads a no-break space, and a few rare signs that then go the
    /// general way). Eight bytes at a time.
    static func isSingleSpaced(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let highs: UInt64 = 0x8080_8080_8080_8080
        // 0x80 in every byte of `x` that is zero, and nowhere else.
        @inline(__always) func zeros(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x) & highs }
        var i = 0
        var spaceBefore = false
        while i + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if zeros(word ^ (ones &* 0x09)) | zeros(word ^ (ones &* 0xC2)) != 0 { return false }
            let spaces = zeros(word ^ (ones &* 0x20))
            if spaces & (spaces << 8) != 0 || (spaceBefore && spaces & 0x80 != 0) { return false }
            spaceBefore = spaces >> 63 != 0
            i += 8
        }
        while i < raw.count {
            let byte = raw[i]
            if byte == 0x09 || byte == 0xC2 || (byte == 0x20 && spaceBefore) { return false }
            spaceBefore = byte == 0x20
            i += 1
        }
        return true
    }

    /// `CellValue.number` of the cell, for a short one (at most 15 bytes, a `String` without
    /// an allocation of its own); `nil` for a longer one, which the general path reads.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count <= 15 else { return nil }
        return CellValue.number(String(decoding: bytes, as: UTF8.self))
    }
}
