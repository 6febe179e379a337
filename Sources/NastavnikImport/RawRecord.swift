/// One record of a `RawRecords` batch, in place.
public struct RawRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>
    let start: Int
    /// The record's first physical line.
    public let line: Int

    /// The number of fields.
    public var count: Int { ends.count }

    /// The fields as strings.
    public var fields: [String] { (0..<count).map { String(decoding: self[$0], as: UTF8.self) } }

    /// The decoded bytes of field `index`.
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let from = index == 0 ? start : ends[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[from..<ends[index]])
    }
}
