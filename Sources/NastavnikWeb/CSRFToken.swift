import Crypto
import Foundation

/// The token every form carries (Hummingbird has none): an HMAC of the session's token, so it
/// is tied to the session, needs no storage and cannot be made without the HttpOnly cookie.
enum CSRFToken {
    /// The form field and the login page's cookie.
    static let field = "csrf"
    static let loginCookie = "nastavnik_login_csrf"

    /// The token of the session whose cookie holds `sessionToken`.
    static func token(forSession sessionToken: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("nastavnik-csrf".utf8), using: SymmetricKey(data: Data(sessionToken.utf8)))
        return Data(mac).base64URL
    }

    /// Whether `submitted` is the session's token (compared in constant time).
    static func isValid(_ submitted: String?, forSession sessionToken: String) -> Bool {
        guard let submitted else { return false }
        return constantTimeEqual(submitted, token(forSession: sessionToken))
    }

    /// A fresh random value for the login form (double-submitted: cookie and field).
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64URL
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

extension Data {
    /// Base64 for URLs and cookies, without padding.
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
