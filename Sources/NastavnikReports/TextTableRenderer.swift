/// Renders a table for the terminal: columns aligned by their visible width (Cyrillic letters
/// are one column wide, combining marks none), numbers right-aligned.
public struct TextTableRenderer: Sendable {
    public var maxColumnWidth: Int

    public init(maxColumnWidth: Int = 60) { self.maxColumnWidth = maxColumnWidth }

    /// The visible width of a string in a terminal.
    public static func width(_ s: String) -> Int {
        // Fast path: Latin and Cyrillic text and the common punctuation, one column per scalar.
        // A table of a country measures millions of cells, so the bytes are read in place.
        let simple: Int?? = s.utf8.withContiguousStorageIfAvailable { simpleWidth($0) }
        if let count = simple ?? Array(s.utf8).withUnsafeBufferPointer({ simpleWidth($0) }) { return count }
        var w = 0
        for scalar in s.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            let v = scalar.value
            // East Asian wide ranges count twice; Cyrillic and Latin once.
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v)
            {
                w += 2
            } else {
                w += 1
            }
        }
        return w
    }

    /// The width counted from the UTF-8 lead bytes, or nil for text the fast path does not know.
    private static func simpleWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var i = 0
        while i < bytes.count {
            guard let length = oneColumnScalarLength(bytes, at: i) else { return nil }
            count += 1
            i += length
        }
        return count
    }

    /// The byte length of the UTF-8 scalar starting at `i` when it is one character of one column
    /// (ASCII; U+0080–U+02FF; Cyrillic U+0400–U+04FF; U+2010–U+2027, the dashes, quotes, bullet and
    /// ellipsis; «№», U+2116), nil for any other (combining marks, wide letters, emoji…). Both the
    /// text tables' widths and Word's column measures count on it.
    static func oneColumnScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let byte = bytes[i]
        if byte < 0x80 { return 1 }
        if (0xC0...0xCB).contains(byte) || (0xD0...0xD3).contains(byte) { return i + 1 < bytes.count ? 2 : nil }
        if byte == 0xE2, i + 2 < bytes.count,
            (bytes[i + 1] == 0x80 && (0x90...0xA7).contains(bytes[i + 2]))
                || (bytes[i + 1] == 0x84 && bytes[i + 2] == 0x96)
        {
            return 3
        }
        return nil
    }

    private func clip(_ s: String) -> String {
        let flat = s.replacingNewlines()
        guard TextTableRenderer.width(flat) > maxColumnWidth else { return flat }
        var out = ""
        var w = 0
        for ch in flat {
            let cw = TextTableRenderer.width(String(ch))
            if w + cw > maxColumnWidth - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }

    public func render(_ table: ReportTable) -> String {
        var out = ""
        if !table.title.isEmpty { out += table.title + "\n" }
        guard !table.rows.isEmpty else { return out + table.emptyMessage + "\n" }
        let header = table.columns.map { clip($0.title) }
        let body = table.rows.map { $0.map { clip($0.display) } }
        var widths = header.map(TextTableRenderer.width)
        for row in body {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], TextTableRenderer.width(cell))
            }
        }
        let numeric = table.columns.indices.map { i in
            table.rows.contains { i < $0.count && $0[i].isNumeric }
                && table.rows.allSatisfy { i >= $0.count || $0[i].isNumeric || $0[i] == .empty }
        }
        let spaces = String(repeating: " ", count: widths.reduce(0, +) + 2 * widths.count)
        func line(_ cells: [String], into out: inout String) {
            var pending = 0
            for (i, cell) in cells.enumerated() where i < widths.count {
                let pad = max(0, widths[i] - TextTableRenderer.width(cell))
                if i > 0 { pending += 2 }
                if numeric[i] { pending += pad }
                if !cell.isEmpty {
                    out += spaces.prefix(pending)
                    out += cell
                    pending = 0
                }
                if !numeric[i] { pending += pad }
            }
            out += "\n"
        }
        out.reserveCapacity(out.utf8.count + (table.rows.count + 2) * (widths.reduce(0, +) + 2 * widths.count) * 2)
        line(header, into: &out)
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in body { line(row, into: &out) }
        return out
    }
}

extension String {
    func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        return split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    func trailingSpacesTrimmed() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
