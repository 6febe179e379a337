import Crypto

/// SHA-256 and HMAC-SHA-256 (swift-crypto) as the lower-case hex the database stores: an
/// import's file hash, the register of forgotten people, and the pseudonyms.
public enum HexDigest {
    /// SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// HMAC-SHA-256 of `message` under `key` (RFC 2104).
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    /// HMAC-SHA-256 under one key for many messages: the key's padded blocks are hashed once, and
    /// each message goes on from a copy of that state (a municipality's 22,000 people each get a
    /// link and a pseudonym).
    public struct KeyedHMAC {
        private let start: HMAC<SHA256>

        public init(key: [UInt8]) { start = HMAC<SHA256>(key: SymmetricKey(data: key)) }

        /// `hmacSHA256(key:message:)` of this key.
        public func hex(_ message: some StringProtocol) -> String {
            var mac = start
            mac.update(data: Array(message.utf8))
            return HexDigest.hex(mac.finalize())
        }
    }

    /// Bytes as two lower-case hex digits each.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
