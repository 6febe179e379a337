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

    private static let cache = PositionCache()

    /// The kind of a position title, remembered: files repeat a handful of titles endlessly.
    public static func cached(_ position: String) -> PositionKind { cache.kind(position) }

    public var russian: String {
        switch self {
        case .teacher: "учитель"
        case .leader: "руководящий работник"
        case .specialist: "специалист"
        }
    }
}

private final class PositionCache: @unchecked Sendable {
    private let lock = NSLock()
    // A short list compared byte by byte: hashing a Cyrillic String normalises it first,
    // which costs more than the classification it would save.
    private var kinds: [(String, PositionKind)] = []

    func kind(_ position: String) -> PositionKind {
        lock.lock()
        defer { lock.unlock() }
        // By index: iterating the tuples would copy, and retain, every string in the list.
        for index in kinds.indices where kinds[index].0.hasSameBytes(as: position) { return kinds[index].1 }
        let kind = PositionKind(position: position)
        if kinds.count < 64 { kinds.append((position, kind)) }
        return kind
    }
}
