import NastavnikCore

/// Renders documents to Markdown and to printable HTML.
public struct DocumentRenderer: Sendable {
    public init() {}

    public func markdown(_ d: Document) -> String {
        var out = d.organisation.map { "**\($0)**" }.joined(separator: "  \n") + "\n\n"
        out += "**\(d.kind)**\n\n"
        out += "\(d.dateLine.date)" + (d.place.map { " · \($0)" } ?? "") + " · \(d.dateLine.number)\n\n"
        out += "**\(d.subject)**\n\n"
        out += d.preamble + " " + d.operative + "\n\n"
        func points(_ list: [Document.Point], prefix: String) -> String {
            var out = ""
            for (i, point) in list.enumerated() {
                let number = prefix + "\(i + 1)."
                out += "\(number) \(point.text)\n"
                for item in point.items { out += "   - \(item)\n" }
                out += points(point.subpoints, prefix: number)
            }
            return out
        }
        out += points(d.points, prefix: "") + "\n"
        out += "\(d.signatoryPosition) — \(d.signatoryName)\n"
        for appendix in d.appendices {
            out += "\n---\n\n### \(appendix.title)\n\n"
            let md = MarkdownRenderer()
            for block in appendix.blocks { out += md.block(block) }
        }
        return out
    }

    public func html(_ d: Document) -> String {
        let t = Typography.html
        var body = "<article class=\"doc\">\n"
        body += d.organisation.map { "<p class=\"org\">\(t($0))</p>" }.joined(separator: "\n") + "\n"
        body += "<p class=\"kind\">\(t(d.kind))</p>\n"
        body +=
            "<div class=\"meta\"><span>\(t(d.dateLine.date))</span><span>\(t(d.place ?? ""))</span><span>\(t(d.dateLine.number))</span></div>\n"
        body += "<p class=\"subject\">\(t(d.subject))</p>\n"
        body += "<p>\(t(d.preamble)) <b>\(t(d.operative))</b></p>\n"
        func points(_ list: [Document.Point], prefix: String) -> String {
            guard !list.isEmpty else { return "" }
            var out = "<ol style=\"list-style:none\">\n"
            for (i, point) in list.enumerated() {
                let number = prefix + "\(i + 1)."
                out += "<li>\(t(number)) \(t(point.text))"
                if !point.items.isEmpty {
                    out += "<ul>" + point.items.map { "<li>\(t($0))</li>" }.joined() + "</ul>"
                }
                out += points(point.subpoints, prefix: number)
                out += "</li>\n"
            }
            return out + "</ol>\n"
        }
        body += points(d.points, prefix: "")
        body +=
            "<div class=\"signature\"><span>\(t(d.signatoryPosition))</span><span>\(t(d.signatoryName))</span></div>\n"
        body += "</article>\n"
        let renderer = HTMLRenderer()
        for appendix in d.appendices {
            body += "<section class=\"doc appendix\">\n<h2>\(t(appendix.title))</h2>\n"
            for block in appendix.blocks { body += renderer.block(block) }
            body += "</section>\n"
        }
        return HTMLRenderer.page(title: d.subject, body: body)
    }
}
