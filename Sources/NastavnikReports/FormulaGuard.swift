/// Keeps a spreadsheet from running text as a formula (OWASP, "CSV injection"): a text cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe,
/// which Excel and LibreOffice show as text. Numbers are typed and never touched.
public enum FormulaGuard {
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": return "'" + text
        default: return text
        }
    }
}
