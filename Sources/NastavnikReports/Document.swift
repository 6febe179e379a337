import NastavnikCore

/// An administrative document as Russian departments draft them: an order (приказ) or a letter,
/// with the organisation's header, the subject, a preamble, numbered points with lists, a
/// signature block and appendices.
public struct Document: Sendable, Equatable {
    /// One numbered point; `items` are a dash list under it, `subpoints` numbered 1.1, 1.2…
    public struct Point: Sendable, Equatable {
        public var text: String
        public var items: [String]
        public var subpoints: [Point]

        public init(_ text: String, items: [String] = [], subpoints: [Point] = []) {
            self.text = text
            self.items = items
            self.subpoints = subpoints
        }
    }

    public struct Appendix: Sendable, Equatable {
        public var title: String
        public var blocks: [ReportBlock]
        public init(title: String, blocks: [ReportBlock]) {
            self.title = title
            self.blocks = blocks
        }
    }

    /// Lines of the header, top to bottom (the department, the administration).
    public var organisation: [String]
    /// «ПРИКАЗ», «РАСПОРЯЖЕНИЕ».
    public var kind: String
    public var date: LocalDate?
    public var number: String?
    public var place: String?
    /// «Об утверждении графика курсовой подготовки».
    public var subject: String
    public var preamble: String
    /// The words that end the preamble, «приказываю:».
    public var operative: String
    public var points: [Point]
    public var signatoryPosition: String
    public var signatoryName: String
    public var appendices: [Appendix]

    /// The header of a municipal education department's order.
    public static func department(municipality: String?) -> [String] {
        ["Управление образования", municipality.map { "администрации: \($0)" } ?? "администрации муниципального образования"]
    }

    public init(organisation: [String], kind: String = "ПРИКАЗ", date: LocalDate? = nil, number: String? = nil,
                place: String? = nil, subject: String, preamble: String, operative: String = "приказываю:",
                points: [Point], signatoryPosition: String, signatoryName: String, appendices: [Appendix] = []) {
        self.organisation = organisation
        self.kind = kind
        self.date = date
        self.number = number
        self.place = place
        self.subject = subject
        self.preamble = preamble
        self.operative = operative
        self.points = points
        self.signatoryPosition = signatoryPosition
        self.signatoryName = signatoryName
        self.appendices = appendices
    }

    /// «от 01.09.2026 № 214», with blanks to fill in by hand where the date or number is not yet known.
    public var dateLine: (date: String, number: String) {
        (date.map { $0.russian } ?? "«___» ____________ 20___ г.", "№ " + (number ?? "______"))
    }
}

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
        body += "<div class=\"meta\"><span>\(t(d.dateLine.date))</span><span>\(t(d.place ?? ""))</span><span>\(t(d.dateLine.number))</span></div>\n"
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
        body += "<div class=\"signature\"><span>\(t(d.signatoryPosition))</span><span>\(t(d.signatoryName))</span></div>\n"
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
