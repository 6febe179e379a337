import Testing

@testable import NastavnikReports
@testable import NastavnikWeb

/// The blocks written in Swift: each part's markup, and every value escaped as the template
/// escaped it.
@Suite struct BlockHTMLTests {
    static let hostile = "<script>alert('x')</script> & \"q\""
    static let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"

    @Test func everyPartHasItsMarkupAndEveryValueIsEscaped() {
        let h = Self.hostile
        let table = TableView(
            ReportTable(
                title: h, columns: [Column("code", h), Column("n", "Число")], rows: [[.text(h), .integer(3)]]),
            links: ["code": { _ in "/x?" + h }], downloadBase: "/list?q=" + h)
        let form = FilterForm(
            action: "/staff?" + h,
            fields: [
                .text("q", h, value: h, hint: h), .checkbox("overdue", h, checked: true),
                .select("kind", h, value: h, choices: [("", "все"), (h, h)]),
            ], submit: h)
        let blocks: [Block] = [
            .heading(h), .paragraph(h), .note(h),
            .figures([
                FigureView(label: h, value: h, href: "/f?" + h, note: h, alert: true),
                FigureView(label: "б", value: "2"),
            ]),
            .filter(form),
            .card(CardView(Card(title: h, fields: [("a", h, .text(h))]), links: ["a": { _ in "/c?" + h }])),
            .table(table),
            .table(TableView(ReportTable(title: "", columns: [Column("a", "А")], rows: [], emptyMessage: h))),
            .pager(PagerView(summary: h, previous: "/p?" + h, next: nil)),
            .links([LinkView(label: h, href: "/l?" + h)]),
        ]
        let html = BlockHTML.render(blocks)
        #expect(!html.contains(h) && !html.contains("<script>") && !html.contains("'x'"))
        let e = Self.escaped
        for part in [
            "<h2>\(e)</h2>\n", "<p>\(e)</p>\n", "<p class=\"note\">\(e)</p>\n",
            "<li class=\"figure alert\"><a href=\"/f?\(e)\"><span class=\"value\">\(e)</span> <span class=\"label\">\(e)</span></a><span class=\"fnote\">\(e)</span></li>\n",
            "<li class=\"figure\"><span class=\"value\">2</span> <span class=\"label\">б</span></li>\n",
            "<form class=\"filter\" method=\"get\" action=\"/staff?\(e)\" role=\"search\">\n",
            "<label for=\"f-q\">\(e)</label><input type=\"text\" id=\"f-q\" name=\"q\" value=\"\(e)\"><small>\(e)</small>",
            "<div class=\"field check\">\n<input type=\"checkbox\" id=\"f-overdue\" name=\"overdue\" value=\"1\" checked><label for=\"f-overdue\">\(e)</label>",
            "<select id=\"f-kind\" name=\"kind\"><option value=\"\">все</option><option value=\"\(e)\" selected>\(e)</option></select>",
            "<button type=\"submit\">\(e)</button>\n</form>\n",
            "<section class=\"card\">\n<h2>\(e)</h2>\n<dl>\n<div><dt>\(e)</dt><dd><a href=\"/c?\(e)\">\(e)</a></dd></div>\n</dl>\n</section>\n",
            "<h3>\(e)</h3>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(e)\">\n<table class=\"sortable\">",
            "<thead><tr><th scope=\"col\">\(e)</th><th scope=\"col\" class=\"num\">Число</th></tr></thead>",
            "<td><a href=\"/x?\(e)\">\(e)</a></td><td class=\"num\">3</td>",
            "<a href=\"/list?q=\(e)&amp;format=xlsx\" download>Скачать XLSX</a> ",
            "<p class=\"note\">\(e)</p>\n",
            "<nav class=\"pager\" aria-label=\"Страницы списка\"><span>\(e)</span> <a href=\"/p?\(e)\" rel=\"prev\">← Предыдущие</a> </nav>\n",
            "<ul class=\"links\"><li><a href=\"/l?\(e)\">\(e)</a></li></ul>\n",
        ] {
            #expect(html.contains(part), "\(part)")
        }
        // A chart's SVG is the reports' own (escaped by SVGChart), inserted as it is.
        let chart = ChartView(.bars(BarChart(title: h, valueTitle: h, items: [.init(label: h, value: 1)])))
        let drawn = BlockHTML.render([.chart(chart)])
        #expect(drawn.hasPrefix("<figure class=\"chart\">\n<figcaption>\(e)</figcaption>\n<svg"))
        #expect(!drawn.contains("<script>"))
    }

    /// A form with a file is sent as multipart/form-data, its hidden token before the file input.
    @Test func aFormWithAFileIsMultipartAndItsTokenComesFirst() {
        let form = FormView(
            action: "/imports", title: "Загрузка",
            fields: [.init(name: "file", label: "Файл", kind: .file(accept: ".csv,.xlsx"), value: "x", required: true)],
            hidden: [("csrf", "T")], submit: "Проверить")
        let html = BlockHTML.render([.form(form)])
        #expect(
            html.contains("<form class=\"edit\" method=\"post\" action=\"/imports\" enctype=\"multipart/form-data\""))
        #expect(html.contains("<input type=\"file\" id=\"f-file\" name=\"file\" required accept=\".csv,.xlsx\">"))
        let token = html.range(of: "name=\"csrf\"")
        let file = html.range(of: "type=\"file\"")
        #expect(token != nil && file != nil && token!.lowerBound < file!.lowerBound)
        let plain = FormView(action: "/a", title: "Т", fields: [], hidden: [], submit: "С")
        #expect(!BlockHTML.render([.form(plain)]).contains("enctype"))
    }
}
