import Foundation

/// The text encodings a user's file may be in.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case cp1251

    /// Accepts the spellings users type: `utf8`, `UTF-8`, `cp1251`, `windows-1251`, `1251`.
    public init?(userValue: String) {
        switch userValue.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "cp1251", "windows-1251", "win-1251", "1251", "cp-1251", "win1251": self = .cp1251
        default: return nil
        }
    }

    public var russianName: String { self == .utf8 ? "UTF-8" : "Windows-1251" }
}
