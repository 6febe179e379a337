import NastavnikCore

extension Windows1251 {
    /// Each upper-half byte's UTF-8: the length in the low byte, then up to three bytes.
    private static let utf8: [UInt32] = (0x80...0xFF).map { byte in
        let bytes = Array(String(scalar(UInt8(byte))).utf8)
        return bytes.enumerated().reduce(UInt32(bytes.count)) { $0 | UInt32($1.element) << (8 * ($1.offset + 1)) }
    }

    /// Decodes bytes as UTF-8 appended to `out`, as `decode` would give them, without a `String`.
    static func appendUTF8(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        utf8.withUnsafeBufferPointer { table in
            for byte in bytes {
                if byte < 0x80 {
                    out.append(byte)
                    continue
                }
                let entry = table[Int(byte) - 0x80]
                out.append(UInt8(truncatingIfNeeded: entry >> 8))
                out.append(UInt8(truncatingIfNeeded: entry >> 16))
                if entry & 0xFF == 3 { out.append(UInt8(truncatingIfNeeded: entry >> 24)) }
            }
        }
    }
}
