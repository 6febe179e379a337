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
        // SHA-256 after the key's inner and outer padded blocks (RFC 2104: the key, hashed first
        // when longer than a block, padded with zeros, XOR 0x36… and 0x5c…). swift-crypto's HMAC
        // keeps only the inner state and hashes the outer block again for every message.
        private let inner: SHA256
        private let outer: SHA256

        public init(key: [UInt8]) {
            var block = key.count > 64 ? Array(SHA256.hash(data: key)) : key
            block += [UInt8](repeating: 0, count: 64 - block.count)
            var inner = SHA256()
            inner.update(data: block.map { $0 ^ 0x36 })
            var outer = SHA256()
            outer.update(data: block.map { $0 ^ 0x5c })
            (self.inner, self.outer) = (inner, outer)
        }

        /// `hmacSHA256(key:message:)` of this key.
        public func hex(_ message: some StringProtocol) -> String {
            var mac = inner
            var message = String(message)
            message.withUTF8 { mac.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            var code = outer
            mac.finalize().withUnsafeBytes { code.update(bufferPointer: $0) }
            return HexDigest.hex(code.finalize())
        }
    }

    /// The lower-case hex digits as bytes, for a writer that puts them in place.
    public static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Bytes as two lower-case hex digits each.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
