import Crypto
import Foundation
import Hummingbird

/// The confirmation («Сохранено: …») a saved form leaves for the page its 303 leads to.
///
// Why a cookie and not a query parameter: `?saved=…` would show again on every reload and on a
// bookmark, and anyone could send a link whose page says «Сохранено» about something that never
// happened. The cookie holds the text with an HMAC keyed by the session's token (as the CSRF
// token is), so a page shows only a confirmation this server wrote for this session, and the
// page that shows it clears it: once. It needs no storage and no migration.
enum FlashMessage {
    /// The cookie's name.
    static let cookie = "nastavnik_flash"

    /// The cookie carrying `text` for the session whose cookie holds `sessionToken`.
    static func cookie(_ text: String, session sessionToken: String, secure: Bool) -> Cookie {
        let value = Data(text.utf8).base64URL + "." + signature(text, session: sessionToken)
        return Cookie(name: cookie, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The cookie that clears the confirmation once shown.
    static func clearing(secure: Bool) -> Cookie {
        Cookie(name: cookie, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The text of a cookie's `value`, when this server signed it for this session; else `nil`.
    static func text(_ value: String, session sessionToken: String) -> String? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let data = Data(base64URL: String(parts[0])),
            let text = String(data: data, encoding: .utf8),
            CSRFToken.constantTimeEqual(String(parts[1]), signature(text, session: sessionToken))
        else { return nil }
        return text
    }

    private static func signature(_ text: String, session sessionToken: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(("nastavnik-flash:" + text).utf8), using: SymmetricKey(data: Data(sessionToken.utf8)))
        return Data(mac).base64URL
    }
}

extension Data {
    /// Reads base64 for URLs and cookies (`base64URL`), padding or not.
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
