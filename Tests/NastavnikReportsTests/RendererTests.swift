import Testing
import NastavnikCore
@testable import NastavnikReports

@Suite struct RendererTests {
    let table = ReportTable(
        title: "Школы",
        columns: [Column("code", "Код"), Column("name", "Наименование"), Column("share", "Доля"), Column("since", "С")],
        rows: [
            [.text("S1"), .text("Школа «Ёлочка»; №1"), .percent(12.5), .date(LocalDate(year: 2024, month: 9, day: 1)!)],
            [.text("S22"), .text("Он сказал \"да\""), .number(3.25, decimals: 2), .empty],
        ])

    @Test func cyrillicIsOneColumnWide() {
        #expect(TextTableRenderer.width("Ёлочка") == 6)
        #expect(TextTableRenderer.width("е\u{0301}") == 1)
        #expect(TextTableRenderer.width("漢字") == 4)
    }

    @Test func textTableAlignsColumns() {
        let text = TextTableRenderer().render(table)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Школы")
        #expect(lines[1] == "Код  Наименование          Доля  С")
        #expect(lines[3] == "S1   Школа «Ёлочка»; №1  12,5 %  01.09.2024")
        #expect(lines[4] == "S22  Он сказал \"да\"        3,25")
    }

    @Test func emptyTableSaysSo() {
        let empty = ReportTable(title: "", columns: [Column("a", "А")], emptyMessage: "Нет школ.")
        #expect(TextTableRenderer().render(empty) == "Нет школ.\n")
    }

    @Test func csvQuotesAndStartsWithABOM() {
        let bytes = CSVRenderer().render(table)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "Код;Наименование;Доля;С\r\nS1;\"Школа «Ёлочка»; №1\";12,5%;01.09.2024\r\nS22;\"Он сказал \"\"да\"\"\";3,25;\r\n")
    }

    @Test func csvInWindows1251() {
        let bytes = CSVRenderer(encoding: .cp1251).render(table)
        #expect(bytes.first == 0xCA) // «К»
        #expect(Windows1251.decode(bytes).hasPrefix("Код;Наименование"))
    }

    @Test func jsonKeepsKeyOrderAndTypes() {
        let json = JSONRenderer(pretty: false).render(table)
        #expect(json == "[{\"code\":\"S1\",\"name\":\"Школа «Ёлочка»; №1\",\"share\":12.5,\"since\":\"2024-09-01\"},{\"code\":\"S22\",\"name\":\"Он сказал \\\"да\\\"\",\"share\":3.25,\"since\":null}]\n")
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONValue.string("a\u{1}\n\\").serialized() == "\"a\\u0001\\n\\\\\"")
        #expect(JSONValue.number(.nan).serialized() == "null")
        #expect(JSONValue.number(3).serialized() == "3")
    }
}
