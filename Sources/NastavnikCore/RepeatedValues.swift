import Foundation

/// Values read from texts a file repeats endlessly (position titles, categories), remembered by
/// the texts' bytes: a short list compared byte by byte, where hashing a Cyrillic `String`
/// would normalise it first, which costs more than the reading it saves.
final class RepeatedValues<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let read: @Sendable (String) -> Value
    private var entries: [(text: String, value: Value)] = []

    init(read: @escaping @Sendable (String) -> Value) { self.read = read }

    func value(_ text: String) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let known = entries.first(where: { $0.text.utf8.elementsEqual(text.utf8) }) { return known.value }
        let value = read(text)
        if entries.count < 64 { entries.append((text, value)) }
        return value
    }
}
