/// Windows-1251, the code page Russian Excel writes, as a fixed table: decoding a byte is a
/// lookup, which keeps a large import fast.
public enum Windows1251 {
    /// The Unicode scalar of each byte from 0x80 to 0xFF (0x98 is unassigned and kept as U+0098).
    static let high: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]

    /// A reverse map for encoding: Unicode scalar → byte, for the upper half.
    static let reverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (i, scalar) in high.enumerated() { map[UInt32(scalar)] = UInt8(0x80 + i) }
        return map
    }()

    /// Decodes bytes; every byte sequence is valid Windows-1251. (The import decodes its
    /// files' bytes straight to UTF-8 bytes, by the same table.)
    public static func decode(_ bytes: [UInt8]) -> String {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes { scalars.append(scalar(byte)) }
        return String(scalars)
    }

    /// The character a byte stands for.
    public static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(byte < 0x80 ? UInt32(byte) : UInt32(high[Int(byte) - 0x80]))!
    }

    /// Encodes text; a character the code page lacks becomes `?`, and is reported through
    /// `lossy`, so a caller can warn that the file lost characters.
    public static func encode(_ text: String, lossy: inout Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
            } else if let byte = reverse[scalar.value] {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "?"))
                lossy = true
            }
        }
        return out
    }
}
