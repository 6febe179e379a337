import NastavnikCore
import Testing

@testable import NastavnikReports

@Suite struct RendererTests {
    let table = ReportTable(
        title: "Школы",
        columns: [
            Column("code", "Код"), Column("name", "Наименование"), Column("share", "Доля"), Column("since", "С"),
        ],
        rows: [
            [
                .text("S1"), .text("Школа «Ёлочка»; №1"), .percent(12.5),
                .date(LocalDate(year: 2024, month: 9, day: 1)!),
            ],
            [.text("S22"), .text("Он сказал \"да\""), .number(3.25, decimals: 2), .empty],
        ])

    @Test func cyrillicIsOneColumnWide() {
        #expect(TextTableRenderer.width("Ёлочка") == 6)
        #expect(TextTableRenderer.width("е\u{0301}") == 1)
        #expect(TextTableRenderer.width("漢字") == 4)
        // Dashes, quotes, the ellipsis and «№» are one column each; a zero-width space none.
        #expect(TextTableRenderer.width("№ 5 — «а»…") == 10)
        #expect(TextTableRenderer.width("а\u{200B}б") == 2)
        #expect(TextTableRenderer.width("‑‒–—―‘’‚“”„†‡•…") == 15)
    }

    @Test func textTableAlignsColumns() {
        let text = TextTableRenderer().render(table)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Школы")
        #expect(lines[1] == "Код  Наименование          Доля  С")
        #expect(lines[3] == "S1   Школа «Ёлочка»; №1  12,5 %  01.09.2024")
        #expect(lines[4] == "S22  Он сказал \"да\"        3,25")
    }

    /// Computed figures reach scripts without binary noise (0.85 − 1 was −0.15000000000000002).
    @Test func jsonNumbersHaveNoBinaryNoise() {
        #expect(JSONValue(Cell.number(0.85 - 1, decimals: 3)).serialized() == "-0.15")
        #expect(JSONValue(Cell.percent(0.1 + 0.2)).serialized() == "0.3")
        #expect(JSONValue(Cell.number(1.0 / 3, decimals: 3)).serialized() == "0.333333333")
        #expect(JSONValue(Cell.number(2_000_000_000.5, decimals: 1)).serialized() == "2000000000.5")
    }

    @Test func emptyTableSaysSo() {
        let empty = ReportTable(title: "", columns: [Column("a", "А")], emptyMessage: "Нет школ.")
        #expect(TextTableRenderer().render(empty) == "Нет школ.\n")
    }

    @Test func csvQuotesAndStartsWithABOM() {
        let bytes = CSVRenderer().render(table)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(
            text
                == "Код;Наименование;Доля;С\r\nS1;\"Школа «Ёлочка»; №1\";12,5%;01.09.2024\r\nS22;\"Он сказал \"\"да\"\"\";3,25;\r\n"
        )
    }

    @Test func csvInWindows1251() {
        let bytes = CSVRenderer(encoding: .cp1251).render(table)
        #expect(bytes.first == 0xCA)  // «К»
        #expect(Windows1251.decode(bytes).hasPrefix("Код;Наименование"))
    }

    @Test func jsonKeepsKeyOrderAndTypes() {
        let json = JSONRenderer(pretty: false).render(table)
        #expect(
            json
                == "[{\"code\":\"S1\",\"name\":\"Школа «Ёлочка»; №1\",\"share\":12.5,\"since\":\"2024-09-01\"},{\"code\":\"S22\",\"name\":\"Он сказал \\\"да\\\"\",\"share\":3.25,\"since\":null}]\n"
        )
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONValue.string("a\u{1}\n\\").serialized() == "\"a\\u0001\\n\\\\\"")
        #expect(JSONValue.number(.nan).serialized() == "null")
        #expect(JSONValue.number(3).serialized() == "3")
    }
}

@Suite struct InjectionTests {
    let table = ReportTable(
        title: "", columns: [Column("a", "Имя"), Column("b", "Балл")],
        rows: [
            [.text("=HYPERLINK(\"http://x\",\"y\")"), .number(-1.5, decimals: 1)],
            [.text("+7 900 000-00-00"), .integer(-3)],
            [.text("@SUM(A1)"), .empty],
            [.text("-2+3"), .empty],
            [.text("\tскрыто"), .empty],
            [.list(["=1", "2"]), .empty],
            [.text("Обычный текст"), .empty],
        ])

    @Test func csvNeutralisesFormulasButNotNumbers() {
        let text = CSVRenderer().text(table)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";-1,5")
        #expect(lines[2] == "'+7 900 000-00-00;-3")
        #expect(lines[3] == "'@SUM(A1);")
        #expect(lines[4] == "'-2+3;")
        #expect(lines[5] == "'\tскрыто;")
        #expect(lines[6] == "'=1, 2;")
        #expect(lines[7] == "Обычный текст;")
    }

    @Test func xlsxNeutralisesFormulas() throws {
        let bytes = try XLSXWriter().render(sheets: [.init(name: "Лист", tables: [table])])
        let files = try XLSXTests().parts(bytes)
        let sheet = try #require(files["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<t xml:space=\"preserve\">&#39;=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>"))
        #expect(sheet.contains("<c r=\"B2\" s=\"4\"><v>-1.5</v></c>"))
        #expect(!sheet.contains("<f>"))
    }
}

/// The streaming writer of million-row lists writes dates, flags and quoting as bytes: its CSV
/// is byte for byte the CSV renderer's, its table and JSON are the exact text below.
@Suite struct StreamingWriterTests {
    let columns = [
        Column("code", "Код"), Column("name", "ФИО"), Column("since", "С"), Column("ok", "В правиле"),
        Column("n", "Число"),
    ]
    let rows: [[Cell]] = [
        [
            .text("S1"), .text("Ёлкина; \"Анна\""), .date(LocalDate(year: 2024, month: 9, day: 1)!), .bool(true),
            .integer(7),
        ],
        [.text("S22"), .text("=СУММ(A1)"), .empty, .bool(false), .integer(12)],
    ]

    func written(_ format: StreamingWriter.Format) throws -> String {
        var bytes: [UInt8] = []
        var writer = StreamingWriter(columns: columns, format: format) { bytes += $0 }
        try writer.write(count: rows.count, emptyMessage: "Нет.") { rows[$0] }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func tableAlignsByVisibleWidth() throws {
        #expect(
            try written(.table) == """
                Код  ФИО             С           В правиле  Число
                ───  ──────────────  ──────────  ─────────  ─────
                S1   Ёлкина; "Анна"  01.09.2024  да             7
                S22  =СУММ(A1)                   нет           12

                """)
    }

    @Test func csvIsTheRenderersCSV() throws {
        var renderer = CSVRenderer()
        renderer.delimiter = ";"
        let table = ReportTable(title: "", columns: columns, rows: rows)
        #expect(try written(.csv) == String(decoding: renderer.render(table), as: UTF8.self))
    }

    @Test func csvQuotesAndNeutralisesFormulas() throws {
        #expect(
            try written(.csv) == "\u{FEFF}Код;ФИО;С;В правиле;Число\r\n"
                + "S1;\"Ёлкина; \"\"Анна\"\"\";01.09.2024;да;7\r\n"
                + "S22;'=СУММ(A1);;нет;12\r\n")
    }

    @Test func jsonHasStableKeysAndISODates() throws {
        #expect(
            try written(.json) == """
                [
                  {"code":"S1","name":"Ёлкина; \\"Анна\\"","since":"2024-09-01","ok":true,"n":7},
                  {"code":"S22","name":"=СУММ(A1)","since":null,"ok":false,"n":12}
                ]

                """)
    }

    @Test func anEmptyListSaysSo() throws {
        var bytes: [UInt8] = []
        var writer = StreamingWriter(columns: columns, format: .table) { bytes += $0 }
        try writer.write(count: 0, emptyMessage: "Нет работников.") { _ in [] }
        #expect(String(decoding: bytes, as: UTF8.self) == "Нет работников.\n")
    }
}

@Suite struct CSVReportRendererTests {
    @Test func reportTablesShareOneByteOrderMarkAndABlankLine() {
        let t = ReportTable(title: "", columns: [Column("a", "А")], rows: [[.integer(1)]])
        let report = Report(
            title: "Отчёт",
            sections: [
                ReportSection(title: "1", blocks: [.table(t), .note("нет")]),
                ReportSection(title: "2", blocks: [.table(t)]),
            ])
        let one = CSVRenderer().render(t)
        #expect(CSVRenderer().render(report) == one + Array("\r\n".utf8) + one.dropFirst(3))
        #expect(CSVRenderer().render(Report(title: "Пусто")) == [])
    }
}
