import Foundation

/// Values read from texts a file repeats endlessly (position titles, categories), remembered by
/// the texts' bytes for one import: a short list compared byte by byte, so a row read as bytes
/// makes no `String` for them. The value is always `read`'s on the text, the rule's own answer.
final class ByteMemo<Value> {
    private let read: (String) -> Value
    /// The texts' bytes one after another, and where each text lies with its value.
    private var bytes: [UInt8] = []
    private var entries: [(offset: Int, count: Int, value: Value)] = []

    init(read: @escaping (String) -> Value) { self.read = read }

    func value(_ text: UnsafeBufferPointer<UInt8>) -> Value {
        let known = bytes.withUnsafeBufferPointer { bytes in
            entries.firstIndex {
                $0.count == text.count
                    && (text.isEmpty || memcmp(bytes.baseAddress! + $0.offset, text.baseAddress!, text.count) == 0)
            }
        }
        if let known { return entries[known].value }
        let value = read(String(decoding: text, as: UTF8.self))
        if entries.count < 64 {
            entries.append((bytes.count, text.count, value))
            bytes.append(contentsOf: text)
        }
        return value
    }
}
