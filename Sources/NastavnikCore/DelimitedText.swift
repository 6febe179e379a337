import Foundation

/// Writes delimited text with RFC 4180 quoting: a field holding the delimiter, a quote or a
/// line break is quoted and its quotes doubled.
public enum DelimitedText {
    public static func field(_ value: String, delimiter: Character = ",") -> String {
        // An ASCII delimiter is found among the bytes, without breaking the text into graphemes.
        let needsQuotes =
            if let byte = delimiter.asciiValue {
                value.utf8.contains { $0 == byte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            } else {
                value.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record with CRLF, the line ending of RFC 4180 and of Excel.
    public static func record(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }
}
