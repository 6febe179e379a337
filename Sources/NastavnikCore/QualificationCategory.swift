import Foundation

/// A teacher's qualification category (квалификационная категория).
public enum QualificationCategory: String, CaseIterable, Codable, Sendable {
    case highest
    case first
    /// соответствие занимаемой должности
    case fitsPost
    case none

    public var russian: String {
        switch self {
        case .highest: "высшая"
        case .first: "первая"
        case .fitsPost: "СЗД"
        case .none: "без категории"
        }
    }

    private static let cache = RepeatedValues { QualificationCategory(russian: $0) }

    /// `init(russian:)`, remembered: files repeat a handful of spellings endlessly.
    public static func cached(_ text: String) -> QualificationCategory? { cache.value(text) }

    /// `cached(_:)` for text given as its UTF-8 bytes.
    public static func cached(utf8 text: UnsafeBufferPointer<UInt8>) -> QualificationCategory? { cache.value(text) }

    public init?(russian text: String) {
        guard text.utf8.count <= 300 else { return nil }
        let s = CellValue.fold(text)
        if let value = QualificationCategory(rawValue: text) { self = value; return }
        switch s {
        case "высшая", "высшая категория", "вкк", "в": self = .highest
        case "первая", "первая категория", "1", "1 кк", "первая кк", "i": self = .first
        case "сзд", "соответствие", "соответствие занимаемой должности", "соответствует занимаемой должности":
            self = .fitsPost
        case "без категории", "нет", "б/к", "бк", "-", "не имеет": self = .none
        default: return nil
        }
    }
}

/// The broad kind of a post: teaching, leadership or support specialist.
public enum PositionKind: String, Codable, Sendable, CaseIterable {
    case teacher
    case leader
    case specialist

    /// Classifies a Russian position title (должность).
    public init(position: String) {
        let s = CellValue.fold(position)
        if s.hasPrefix("директор") || s.contains("заместитель директора") || s.hasPrefix("зам") && s.contains("директор")
            || s.hasPrefix("заведующ") || s.hasPrefix("руководитель") {
            self = .leader
        } else if s.hasPrefix("учитель") && !s.contains("логопед") && !s.contains("дефектолог") || s.hasPrefix("преподаватель") {
            self = .teacher
        } else {
            self = .specialist
        }
    }

    private static let cache = RepeatedValues { PositionKind(position: $0) }

    /// The kind of a position title, remembered: files repeat a handful of titles endlessly.
    public static func cached(_ position: String) -> PositionKind { cache.value(position) }

    /// `cached(_:)` for a title given as its UTF-8 bytes.
    public static func cached(utf8 position: UnsafeBufferPointer<UInt8>) -> PositionKind { cache.value(position) }

    public var russian: String {
        switch self {
        case .teacher: "учитель"
        case .leader: "руководящий работник"
        case .specialist: "специалист"
        }
    }
}

/// Values read from texts a file repeats endlessly (position titles, categories), remembered by
/// the texts' bytes: a short list compared byte by byte, where hashing a Cyrillic `String`
/// would normalise it first, which costs more than the reading it saves.
final class RepeatedValues<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let read: @Sendable (String) -> Value
    /// The texts' bytes one after another, and where each text lies with its value.
    private var bytes: [UInt8] = []
    private var entries: [(offset: Int, count: Int, value: Value)] = []

    init(read: @escaping @Sendable (String) -> Value) { self.read = read }

    func value(_ text: String) -> Value {
        var text = text
        return text.withUTF8 { value($0) }
    }

    func value(_ text: UnsafeBufferPointer<UInt8>) -> Value {
        lock.lock()
        defer { lock.unlock() }
        let known = bytes.withUnsafeBufferPointer { bytes in
            entries.firstIndex { $0.count == text.count && (text.isEmpty || memcmp(bytes.baseAddress! + $0.offset, text.baseAddress!, text.count) == 0) }
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
