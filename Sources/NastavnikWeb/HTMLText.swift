import NastavnikReports

/// HTML written in Swift where a template's cost per value would dominate a page: the rows of a
/// long table (a template looks each name up through the context stack, several microseconds a
/// cell; a page of staff has hundreds of cells).
enum HTMLText {
    /// Appends `text` to `html` with the characters HTML gives a meaning escaped — the same five
    /// that swift-mustache's `{{…}}` escapes (`< > & " '`), so a value is as inert here as in a
    /// template — by the reports' escaping (`Typography.escape`, which also drops the control
    /// characters no HTML or XML text may hold).
    static func append(_ text: String, to html: inout String) {
        // Most values have nothing to escape: appended whole, without a walk per character.
        // A control character (< 0x20) or U+FFFE/U+FFFF (lead byte 0xEF) takes the full way too,
        // so that a value is treated the same with or without a character to escape.
        guard
            text.utf8.contains(where: {
                $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0xEF
            })
        else {
            html += text
            return
        }
        html += Typography.escape(text)
    }
}
