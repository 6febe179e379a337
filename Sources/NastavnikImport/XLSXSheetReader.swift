import Foundation
import NastavnikCore

/// The rows of one sheet of a workbook as records, streaming: the sheet's XML is inflated and
/// read a chunk at a time, so memory does not grow with the sheet.
///
/// A record's fields stand at their cells' columns (a cell Excel does not write, being empty,
/// is an empty field) and its line is the row's number, as Excel shows it. Values read as a
/// user sees them in Excel: a shared or inline string as it is, a number without the binary
/// noise of its storage (`0.30000000000000004` is `0,3`), a date serial under a date format as
/// `ДД.ММ.ГГГГ` in the workbook's date system, a percentage as `12,5%`, a boolean as
/// `ИСТИНА`/`ЛОЖЬ`, a formula as its cached value.
final class XLSXSheetReader: RecordSource {
    let workbook: XLSXWorkbook
    let sheetName: String
    /// Rows shorter than this are filled with empty fields: Excel leaves out a row's empty cells
    /// at its end, where a text file keeps its delimiters.
    var width = 0

    /// About how many rows the sheet has, erring high: the rows its `<dimension>` spans when the
    /// reader has passed it, else its inflated size over 250 bytes (a row of eight cells takes
    /// 260 bytes in Excel's XML, 440 in LibreOffice's). The import decides on it whether a large
    /// staff file is loaded in bulk.
    var estimatedRows: Int { dimensionRows ?? Int(size / 250) }

    private let size: UInt64
    private var dimensionRows: Int?
    private let stream: ZIPEntryStream
    // The reader is used by one thread at a time (the importer's, then the prefetcher's): the
    // per-access exclusivity checks of these, touched for every cell, are left out.
    @exclusivity(unchecked) private var tokenizer: XMLTokenizer
    private var inSheetData = false
    private var ended = false
    private var lastRow = 0

    // One row's cells being read: their bytes one after another, and each one's column and end.
    @exclusivity(unchecked) private var rowBytes: [UInt8] = []
    @exclusivity(unchecked) private var cellColumns: [Int] = []
    @exclusivity(unchecked) private var cellEnds: [Int] = []
    @exclusivity(unchecked) private var value: [UInt8] = []

    var fieldIssues: [CSVFieldIssue] { [] }
    var sha256: String { workbook.sha256 }

    init(workbook: XLSXWorkbook, sheet index: Int) {
        self.workbook = workbook
        let sheet = workbook.sheets[index]
        sheetName = sheet.name
        size = sheet.size
        let stream = ZIPEntryStream(url: URL(fileURLWithPath: workbook.path), path: sheet.part, chunkSize: 1 << 17)
        self.stream = stream
        tokenizer = XMLTokenizer(nextChunk: { try stream.next() })
    }

    deinit { stream.stop() }

    /// Stops inflating the sheet (a sheet looked at for its header only).
    func stop() { stream.stop() }

    func next() throws -> CSVRecord? {
        var records = RawRecords()
        guard try read(into: &records) else { return nil }
        return records.record(0)
    }

    func read(into records: inout RawRecords) throws -> Bool {
        guard !ended else { return false }
        do {
            while true {
                switch try tokenizer.next() {
                case .open:
                    if !inSheetData {
                        if tokenizer.nameIs("dimension") {
                            dimensionRows = tokenizer.attributeString("ref").flatMap(Self.rowsSpanned)
                        } else if tokenizer.nameIs("sheetData") {
                            inSheetData = !tokenizer.selfClosing
                            if !inSheetData { return finish() }
                        }
                    } else if tokenizer.nameIs("row") {
                        let number = tokenizer.attributeRange("r").flatMap(parseInteger) ?? (lastRow + 1)
                        lastRow = number
                        rowBytes.removeAll(keepingCapacity: true)
                        cellColumns.removeAll(keepingCapacity: true)
                        cellEnds.removeAll(keepingCapacity: true)
                        if tokenizer.selfClosing {
                            emit(into: &records)
                            return true
                        }
                    } else if tokenizer.nameIs("c") {
                        try readCell()
                    }
                case .close:
                    if tokenizer.nameIs("row") {
                        emit(into: &records)
                        return true
                    }
                    if tokenizer.nameIs("sheetData") { return finish() }
                case .text:
                    continue
                case .end:
                    return finish()
                }
            }
        } catch let error as XLSXError {
            ended = true
            throw error
        } catch {
            ended = true
            throw XLSXError.damaged(part: sheetName, reason: String(describing: error))
        }
    }

    private func finish() -> Bool {
        ended = true
        return false
    }

    /// Reads the cell just opened and adds its value to the row.
    private func readCell() throws {
        let column = tokenizer.attributeRange("r").flatMap(columnIndex) ?? ((cellColumns.last ?? -1) + 1)
        let type = tokenizer.attributeRange("t").map(cellType) ?? .number
        let style = tokenizer.attributeRange("s").flatMap(parseInteger) ?? 0
        guard !tokenizer.selfClosing else { return }
        value.removeAll(keepingCapacity: true)
        var inValue = false
        var inText = false
        var phoneticDepth = 0
        var hasValue = false
        loop: while true {
            switch try tokenizer.next() {
            case .open:
                if tokenizer.nameIs("v") {
                    inValue = !tokenizer.selfClosing
                    hasValue = true
                } else if tokenizer.nameIs("t") {
                    inText = !tokenizer.selfClosing
                    hasValue = true
                } else if tokenizer.nameIs("rPh") {
                    if !tokenizer.selfClosing { phoneticDepth += 1 }
                } else if tokenizer.nameIs("f") {
                    // The formula itself: its cached result is the `<v>`.
                    try tokenizer.skipElement()
                }
            case .close:
                if tokenizer.nameIs("c") { break loop }
                if tokenizer.nameIs("v") { inValue = false }
                if tokenizer.nameIs("t") { inText = false }
                if tokenizer.nameIs("rPh") { phoneticDepth -= 1 }
            case .text:
                if inValue || (inText && phoneticDepth == 0) { tokenizer.appendText(to: &value) }
            case .end:
                break loop
            }
        }
        guard hasValue else { return }
        let start = rowBytes.count
        appendValue(type: type, style: style)
        if rowBytes.count > start || !value.isEmpty {
            cellColumns.append(column)
            cellEnds.append(rowBytes.count)
        }
    }

    /// A cell's `t`: what its `<v>` holds (ECMA-376 part 1, §18.18.11, ST_CellType).
    private enum CellType {
        case sharedString, inlineString, boolean, isoDate, formulaString, error, number
    }

    private func cellType(_ range: Range<Int>) -> CellType {
        if tokenizer.rangeEquals(range, "s") { return .sharedString }
        if tokenizer.rangeEquals(range, "inlineStr") { return .inlineString }
        if tokenizer.rangeEquals(range, "b") { return .boolean }
        if tokenizer.rangeEquals(range, "d") { return .isoDate }
        if tokenizer.rangeEquals(range, "str") { return .formulaString }
        if tokenizer.rangeEquals(range, "e") { return .error }
        return .number
    }

    /// Appends the cell's value, as Excel shows it, to `rowBytes`.
    private func appendValue(type: CellType, style: Int) {
        switch type {
        case .sharedString:
            if let index = parseInteger(value[...]), let string = workbook.sharedStrings.string(index) {
                rowBytes.append(contentsOf: string)
            }
        case .inlineString:
            let start = rowBytes.count
            rowBytes.append(contentsOf: value)
            OOXMLEscape.unescapeInPlace(&rowBytes, from: start)
        case .boolean:
            rowBytes.append(contentsOf: (value == [UInt8(ascii: "1")] ? "ИСТИНА" : "ЛОЖЬ").utf8)
        case .isoDate:
            // An ISO 8601 date (strict Office Open XML): `2020-09-01T00:00:00`.
            let text = String(decoding: value, as: UTF8.self)
            if let date = LocalDate(parsing: String(text.prefix(10))) {
                rowBytes.append(contentsOf: date.russian.utf8)
            } else {
                rowBytes.append(contentsOf: value)
            }
        case .formulaString, .error:
            rowBytes.append(contentsOf: value)
        case .number:
            let format = style < workbook.formats.count ? workbook.formats[style] : .general
            appendNumber(format: format)
        }
    }

    private func appendNumber(format: CellFormat) {
        // Most cells of a large sheet are whole numbers: general ones, or dates' serials.
        if !value.isEmpty, value.count <= 15, value.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            switch format {
            case .general, .text:
                rowBytes.append(contentsOf: value)
                return
            case .date, .dateTime:
                let whole = value.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                if let (date, _) = ExcelSerialDate.date(Double(whole), date1904: workbook.date1904) {
                    appendRussian(date)
                    return
                }
            case .time, .percent:
                break
            }
        }
        let text = String(decoding: value, as: UTF8.self)
        guard let number = Double(text) else {
            rowBytes.append(contentsOf: value)
            return
        }
        switch format {
        case .date, .dateTime, .time:
            guard let (date, minutes) = ExcelSerialDate.date(number, date1904: workbook.date1904),
                format != .time
            else {
                if format == .time, number >= 0, number < 1 {
                    let minutes = Int((number * 1440).rounded())
                    rowBytes.append(contentsOf: Self.clock(minutes).utf8)
                } else {
                    rowBytes.append(contentsOf: Self.decimal(number).utf8)
                }
                return
            }
            appendRussian(date)
            // A time of day is kept where there is one, so that a date with a time is reported
            // as such rather than read as the date alone.
            if minutes != 0 {
                rowBytes.append(contentsOf: " \(Self.clock(minutes))".utf8)
            }
        case .percent:
            rowBytes.append(contentsOf: (Self.decimal(number * 100) + "%").utf8)
        case .general, .text:
            rowBytes.append(contentsOf: Self.decimal(number).utf8)
        }
    }

    /// Appends `ДД.ММ.ГГГГ`, digit by digit (a date cell in every row of a staff sheet).
    private func appendRussian(_ date: LocalDate) {
        guard (1000...9999).contains(date.year) else {
            rowBytes.append(contentsOf: date.russian.utf8)
            return
        }
        let zero = UInt8(ascii: "0")
        rowBytes.append(zero + UInt8(date.day / 10))
        rowBytes.append(zero + UInt8(date.day % 10))
        rowBytes.append(UInt8(ascii: "."))
        rowBytes.append(zero + UInt8(date.month / 10))
        rowBytes.append(zero + UInt8(date.month % 10))
        rowBytes.append(UInt8(ascii: "."))
        rowBytes.append(zero + UInt8(date.year / 1000))
        rowBytes.append(zero + UInt8(date.year / 100 % 10))
        rowBytes.append(zero + UInt8(date.year / 10 % 10))
        rowBytes.append(zero + UInt8(date.year % 10))
    }

    /// `number` as Excel shows it in a cell of the general format: at most 15 significant
    /// digits, a whole number without a fraction, the decimal comma of a Russian locale.
    static func decimal(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        let rounded = Double(String(format: "%.15g", number)) ?? number
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return rounded.description.replacingOccurrences(of: ".", with: ",")
    }

    private static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// Appends the row read to `records`, its cells at their columns.
    private func emit(into records: inout RawRecords) {
        var order = Array(cellColumns.indices)
        if !zip(cellColumns, cellColumns.dropFirst()).allSatisfy({ $0 < $1 }) {
            // Out of order or repeated references (hand-made files): the last cell of a column wins.
            order.sort { (cellColumns[$0], $0) < (cellColumns[$1], $1) }
            order = order.enumerated().filter { position, index in
                position + 1 == order.count || cellColumns[order[position + 1]] != cellColumns[index]
            }.map(\.element)
        }
        var column = 0
        for index in order {
            while column < cellColumns[index] {
                records.endField()
                column += 1
            }
            let from = index == 0 ? 0 : cellEnds[index - 1]
            rowBytes.withUnsafeBufferPointer { bytes in
                records.appendBytes(UnsafeBufferPointer(rebasing: bytes[from..<cellEnds[index]]))
            }
            records.endField()
            column += 1
        }
        while column < max(width, 1) {
            records.endField()
            column += 1
        }
        records.endRecord(line: lastRow)
    }

    /// The zero-based column of a cell reference: `C12` is 2, `AA3` is 26.
    private func columnIndex(_ range: Range<Int>) -> Int? {
        tokenizer.withAttributeBytes(range) { bytes in
            var column = 0
            var letters = 0
            for byte in bytes {
                let upper = byte & ~0x20
                guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
                column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
                letters += 1
            }
            return letters == 0 || letters > 3 ? nil : column - 1
        }
    }

    private func parseInteger(_ range: Range<Int>) -> Int? {
        tokenizer.withAttributeBytes(range) { parseInteger($0) }
    }

    private func parseInteger(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 10 else { return nil }
        var number = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number
    }

    /// The rows a range such as `A1:H100001` spans; `nil` for a single cell (`A1`, what some
    /// writers put for any sheet).
    static func rowsSpanned(_ ref: String) -> Int? {
        let ends = ref.split(separator: ":")
        guard ends.count == 2 else { return nil }
        func row(_ cell: Substring) -> Int? { Int(cell.drop(while: { $0.isLetter || $0 == "$" })) }
        guard let first = row(ends[0]), let last = row(ends[1]), last >= first else { return nil }
        return last - first + 1
    }

    /// Column letters of a zero-based index: 0 is `A`, 26 is `AA`.
    static func columnLetters(_ index: Int) -> String {
        var index = index + 1
        var letters: [Character] = []
        while index > 0 {
            let rest = (index - 1) % 26
            letters.insert(Character(UnicodeScalar(UInt8(65 + rest))), at: 0)
            index = (index - 1) / 26
        }
        return String(letters)
    }
}
