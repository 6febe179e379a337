import NastavnikReports
import Testing

@testable import NastavnikWeb

/// The table rows written in Swift escape what a template would, and keep the template's shape.
@Suite struct HTMLTextTests {
    func escaped(_ text: String) -> String {
        var html = ""
        HTMLText.append(text, to: &html)
        return html
    }

    @Test func theFiveCharactersAreEscapedAsTheTemplateEscapesThem() {
        #expect(escaped("Иванов") == "Иванов")
        #expect(
            escaped("<script>alert('x') & \"y\"</script>")
                == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(escaped("a\u{00A0}б<") == "a\u{00A0}б&lt;")
        #expect(escaped("") == "")
        // A control character is dropped whether or not the text has something to escape.
        #expect(escaped("a\u{1}b") == "ab" && escaped("a\u{1}<") == "a&lt;")
        #expect(escaped("строка\nдругая") == "строка\nдругая")
    }

    @Test func aTablesRowsCarryTheirLinksNumbersAndEscapedText() {
        let table = ReportTable(
            title: "Т", columns: [Column("code", "Код"), Column("name", "Название"), Column("n", "Число")],
            rows: [
                [.text("S&1"), .text("<b>Школа</b>"), .integer(3)],
                [.text("S2"), .empty, .empty],
            ])
        let view = TableView(table, links: ["code": { row in "/schools/" + row[0].display + "?a=1&b=\"" }])
        #expect(
            view.body
                == "<tr><td><a href=\"/schools/S&amp;1?a=1&amp;b=&quot;\">S&amp;1</a></td><td>&lt;b&gt;Школа&lt;/b&gt;</td>"
                + "<td class=\"num\">3</td></tr>\n"
                + "<tr><td><a href=\"/schools/S2?a=1&amp;b=&quot;\">S2</a></td><td></td><td class=\"num\"></td></tr>\n")
        #expect(view.columns.map(\.numeric) == [false, false, true])
    }
}
