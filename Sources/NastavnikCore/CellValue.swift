import Foundation

/// Parsing of the values found in one cell of a user's file, as the import contract defines them.
public enum CellValue {
    /// A number with a decimal point or comma, spaces as thousands separators and an optional
    /// trailing `%`, which only marks the value as a percent (`12,5%` → 12.5).
    public static func number(_ text: String) -> Double? {
        var s = ""
        s.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case " ", "\u{00A0}", "\u{202F}", "\u{2009}": continue
            case ",": s.unicodeScalars.append(".")
            case "\u{2212}": s.unicodeScalars.append("-")
            default: s.unicodeScalars.append(ch)
            }
        }
        if s.hasSuffix("%") { s.removeLast() }
        guard !s.isEmpty, s.unicodeScalars.allSatisfy({ "0123456789.-+".unicodeScalars.contains($0) }),
              s.filter({ $0 == "." }).count <= 1 else { return nil }
        guard let value = Double(s), value.isFinite else { return nil }
        return value
    }

    /// A whole number; `1 200` and `12,0` are accepted, `12,5` is not.
    public static func integer(_ text: String) -> Int? {
        guard let value = number(text), value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// `да/нет`, `yes/no`, `true/false`, `1/0`, `+/-`.
    public static func boolean(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "да", "yes", "true", "1", "+", "д", "y": return true
        case "нет", "no", "false", "0", "-", "н", "n": return false
        default: return nil
        }
    }

    /// Items separated by `;`, `,` or `|`, trimmed, empty ones dropped.
    public static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// Folds a name or header for comparison: lower case, `ё`→`е`, inner spaces collapsed.
    public static func fold(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text.lowercased() {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch == "ё" ? "е" : ch)
        }
        return out
    }
}
