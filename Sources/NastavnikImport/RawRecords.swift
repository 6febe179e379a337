import NastavnikCore

/// Records as the reader decoded them: the UTF-8 bytes of every field one after another, and
/// where each field and each record ends. A batch of a large file's rows costs four arrays,
/// not a `String` per cell; a record becomes a `CSVRecord` only when something needs one.
public struct RawRecords: Sendable {
    /// The fields' decoded bytes (valid UTF-8: ill-formed input is already repaired).
    private(set) var bytes: [UInt8] = []
    /// Where each field ends in `bytes`.
    private(set) var fieldEnds: [Int] = []
    /// For each record, where its fields end in `fieldEnds`.
    private(set) var recordEnds: [Int] = []
    /// Each record's first physical line.
    private(set) var lines: [Int] = []

    public init() {}

    public var count: Int { lines.count }

    /// The first physical line of the record at `index`.
    public func line(_ index: Int) -> Int { lines[index] }

    /// The record at `index` as strings.
    public func record(_ index: Int) -> CSVRecord {
        withRecord(index) { CSVRecord(fields: $0.fields, line: $0.line) }
    }

    /// Calls `body` with a view of the record at `index`, valid only inside `body`.
    public func withRecord<R>(_ index: Int, _ body: (RawRecord) throws -> R) rethrows -> R {
        let firstField = index == 0 ? 0 : recordEnds[index - 1]
        return try bytes.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in
                try body(
                    RawRecord(
                        bytes: bytes, ends: UnsafeBufferPointer(rebasing: ends[firstField..<recordEnds[index]]),
                        start: firstField == 0 ? 0 : ends[firstField - 1], line: lines[index]))
            }
        }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        recordEnds.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
    }

    mutating func reserve(records: Int, bytes count: Int) {
        bytes.reserveCapacity(count)
        fieldEnds.reserveCapacity(records * 10)
        recordEnds.reserveCapacity(records)
        lines.reserveCapacity(records)
    }

    // MARK: Writing (the reader)

    /// The number of fields of the record being appended.
    var openFields: Int { fieldEnds.count - (recordEnds.last ?? 0) }

    mutating func appendBytes(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    mutating func appendByte(_ byte: UInt8) { bytes.append(byte) }
    mutating func appendBytes(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func appendWindows1251(_ buffer: UnsafeBufferPointer<UInt8>) { Windows1251.appendUTF8(buffer, to: &bytes) }

    /// Ends the field whose bytes were appended since the last one ended.
    mutating func endField() { fieldEnds.append(bytes.count) }

    mutating func endRecord(line: Int) {
        recordEnds.append(fieldEnds.count)
        lines.append(line)
    }

    /// Drops the fields of a record that was not ended (reading it failed).
    mutating func dropOpenRecord() {
        let fields = recordEnds.last ?? 0
        fieldEnds.removeSubrange(fields...)
        bytes.removeSubrange((fields == 0 ? 0 : fieldEnds[fields - 1])...)
    }
}
