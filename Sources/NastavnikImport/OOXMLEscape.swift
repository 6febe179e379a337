/// Office Open XML's escape for characters XML cannot hold: `_x000D_` is a carriage return,
/// `_x005F_` an underscore (ECMA-376 part 1, §22.9.2.19, ST_Xstring).
enum OOXMLEscape {
    /// Replaces every `_xHHHH_` in `bytes[from...]` with its character.
    static func unescapeInPlace(_ bytes: inout [UInt8], from: Int) {
        guard bytes[from...].contains(UInt8(ascii: "_")) else { return }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - from)
        var i = from
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
                bytes[i + 6] == UInt8(ascii: "_"),
                let value = UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i += 7
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        bytes.replaceSubrange(from..., with: out)
    }
}
