/// Renders a table for the terminal: columns aligned by their visible width (Cyrillic letters
/// are one column wide, combining marks none), numbers right-aligned.
public struct TextTableRenderer: Sendable {
    public var maxColumnWidth: Int

    public init(maxColumnWidth: Int = 60) { self.maxColumnWidth = maxColumnWidth }

    /// The visible width of a string in a terminal.
    public static func width(_ s: String) -> Int {
        var w = 0
        for scalar in s.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            let v = scalar.value
            // East Asian wide ranges count twice; Cyrillic and Latin once.
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v) {
                w += 2
            } else {
                w += 1
            }
        }
        return w
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
            table.rows.contains { i < $0.count && $0[i].isNumeric } && table.rows.allSatisfy { i >= $0.count || $0[i].isNumeric || $0[i] == .empty }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - TextTableRenderer.width(cell)))
                return numeric[i] ? pad + cell : cell + pad
            }.joined(separator: "  ").trailingSpacesTrimmed() + "\n"
        }
        out += line(header)
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in body { out += line(row) }
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
