import Foundation

/// Addresses built from values (a school code, a personnel number): each value percent-encoded.
enum URLPath {
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// One path segment.
    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// `path?name=value&…` with the empty values left out.
    static func query(_ path: String, _ items: [(String, String?)]) -> String {
        let parts = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(name)=\(segment(value))"
        }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }
}
