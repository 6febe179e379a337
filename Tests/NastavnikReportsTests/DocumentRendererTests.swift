import Foundation
import NastavnikCore
import NastavnikTestSupport
import Testing

@testable import NastavnikReports

let sampleTable = ReportTable(
    title: "Обучение",
    columns: [
        Column("code", "Код ОО"), Column("name", "Школа"), Column("share", "Доля"), Column("count", "Педагогов"),
        Column("since", "С"), Column("score", "Балл"),
    ],
    rows: [
        [
            .text("S1"), .text("<b>Школа</b> & «Ёлочка»"), .percent(12.5), .integer(40),
            .date(LocalDate(year: 2024, month: 9, day: 1)!), .number(3.25, decimals: 2),
        ],
        [.text("S2"), .text("=HYPERLINK(\"x\")"), .percent(100), .integer(7), .empty, .number(4, decimals: 1)],
    ])

let sampleReport = Report(
    title: "Отчёт № 1", subtitle: "по состоянию на 22.11.2026",
    sections: [
        ReportSection(
            title: "Кадры",
            blocks: [
                .paragraph("Прошли КПК в течение 3 лет: 12 %."),
                .table(sampleTable),
                .chart(
                    .bars(
                        BarChart(
                            title: "Доля", valueTitle: "Доля",
                            items: [.init(label: "S1", value: 12.5), .init(label: "S2", value: 100)], target: 100))),
                .chart(
                    .stackedBars(
                        StackedBarChart(
                            title: "Категории", series: ["высшая", "первая"],
                            items: [.init(label: "S1", values: [3, 4])]))),
                .chart(
                    .heatmap(
                        Heatmap(
                            title: "Дефициты", rows: ["S1", "S2"], columns: ["оценивание", "ГИА"],
                            values: [[10, nil], [50, 0]], legend: "%"))),
                .chart(
                    .timeline(
                        Timeline(
                            title: "Карта",
                            rows: [
                                .init(
                                    label: "Анализ",
                                    segments: [
                                        .init(
                                            start: LocalDate(year: 2026, month: 9, day: 1)!,
                                            end: LocalDate(year: 2026, month: 10, day: 31)!, status: "done")
                                    ]),
                                .init(
                                    label: "Совещание",
                                    segments: [
                                        .init(
                                            start: LocalDate(year: 2026, month: 1, day: 1)!,
                                            end: LocalDate(year: 2026, month: 3, day: 31)!, status: "overdue"),
                                        .init(
                                            start: LocalDate(year: 2026, month: 12, day: 1)!,
                                            end: LocalDate(year: 2026, month: 12, day: 1)!, status: "planned"),
                                    ]),
                            ], today: LocalDate(year: 2026, month: 11, day: 22)!))),
            ]),
        .empty("Диагностика", "Диагностика не проводилась."),
    ])

/// An order of the department the fixtures share (its heading, date, number, place and
/// signatory) with the text given.
func sampleOrder(
    subject: String, preamble: String, points: [Document.Point], appendices: [Document.Appendix]
) -> Document {
    Document(
        organisation: ["Управление образования", "администрации Светлореченского муниципального округа"],
        date: LocalDate(year: 2026, month: 9, day: 1), number: "214", place: "г. Светлореченск",
        subject: subject, preamble: preamble, points: points,
        signatoryPosition: "Начальник управления образования", signatoryName: "Т. А. Иванова",
        appendices: appendices)
}

@Suite struct MarkdownTests {
    @Test func rendersHeadingsTablesAndEmptySections() {
        let md = MarkdownRenderer().render(sampleReport)
        #expect(md.hasPrefix("# Отчёт № 1\n\n_по состоянию на 22.11.2026_\n\n## Кадры\n\n"))
        #expect(md.contains("| Код ОО | Школа | Доля | Педагогов | С | Балл |\n|---|---|---:|---:|---|---:|\n"))
        #expect(md.contains("| S1 | \\<b\\>Школа\\</b\\> & «Ёлочка» | 12,5 % | 40 | 01.09.2024 | 3,25 |"))
        #expect(md.contains("## Диагностика\n\n> Диагностика не проводилась.\n"))
        #expect(md.contains("**Дефициты**"))
    }
}

@Suite struct HTMLTests {
    let html = HTMLRenderer().render(sampleReport)

    @Test func isSelfContainedAndPrintable() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(!html.contains("@import"))
    }

    @Test func escapesWhatItShows() {
        #expect(html.contains("&lt;b&gt;Школа&lt;/b&gt; &amp; «Ёлочка»"))
        #expect(!html.contains("<b>Школа</b>"))
        #expect(html.contains("=HYPERLINK(&quot;x&quot;)"))
    }

    @Test func russianTypography() {
        #expect(html.contains("Отчёт №\u{00A0}1"))
        #expect(html.contains("в\u{00A0}течение"))
        #expect(
            Typography.russian("Школа № 5 в городе — 12 %") == "Школа №\u{00A0}5 в\u{00A0}городе\u{00A0}— 12\u{00A0}%")
    }

    @Test func drawsEveryChartAsInlineSVG() {
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\"").count - 1 == 4)
        // Bars with the target line, stacked bars with a legend, a heatmap with its gradient, the timeline with today.
        #expect(html.contains("stroke-dasharray=\"4 3\""))
        #expect(html.contains(">высшая</text>"))
        #expect(html.contains("linearGradient id=\"heat\""))
        #expect(html.contains("сегодня, 22.11.2026"))
        #expect(html.contains(">выполнено</text>"))
        #expect(html.contains(">просрочено</text>"))
        // A recurring activity is one row with a bar per occurrence.
        #expect(html.components(separatedBy: "<title>Совещание: ").count - 1 == 2)
    }

    @Test func emptySectionsSaySo() {
        #expect(html.contains("<h2>Диагностика</h2>\n<p class=\"note\">Диагностика не\u{00A0}проводилась.</p>"))
    }

    @Test func heatColoursRunLightToDark() {
        #expect(SVGChart.heatColor(0) == "#f7fbff")
        #expect(SVGChart.heatColor(1) == "#08306b")
    }
}

@Suite struct XLSXTests {
    func parts(_ bytes: [UInt8]) throws -> [String: String] { try ZIPParts.read(bytes) }

    @Test func workbookHasOneSheetPerSection() throws {
        let files = try parts(try XLSXWriter().render(sampleReport))
        #expect(
            Set(files.keys) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            ])
        #expect(
            files["xl/workbook.xml"]!.contains(
                "<sheet name=\"Кадры\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Диагностика\" sheetId=\"2\" r:id=\"rId2\"/>"
            ))
        #expect(files["[Content_Types].xml"]!.contains("/xl/worksheets/sheet2.xml"))
    }

    @Test func cellsAreTyped() throws {
        let sheet = try #require(
            try parts(try XLSXWriter().render(sheets: [.init(name: "Лист", tables: [sampleTable])]))[
                "xl/worksheets/sheet1.xml"])
        // Title row 1, header row 2 bold (style 1) and frozen, data from row 3.
        #expect(sheet.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A2\" t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">Код ОО</t></is></c>"))
        #expect(sheet.contains("<c r=\"C3\" s=\"3\"><v>0.125</v></c>"))
        #expect(sheet.contains("<c r=\"D3\"><v>40</v></c>"))
        #expect(sheet.contains("<c r=\"E3\" s=\"2\"><v>45536</v></c>"))
        #expect(sheet.contains("<c r=\"F3\" s=\"4\"><v>3.25</v></c>"))
        #expect(sheet.contains("&lt;b&gt;Школа&lt;/b&gt; &amp; «Ёлочка»"))
        #expect(sheet.contains("<cols><col min=\"1\" max=\"1\" width="))
    }

    @Test func serialDatesAndColumnNames() {
        #expect(XLSXWriter.serial(LocalDate(year: 1900, month: 3, day: 1)!) == 61)
        #expect(XLSXWriter.serial(LocalDate(year: 2024, month: 9, day: 1)!) == 45536)
        #expect(XLSXWriter.columnName(1) == "A")
        #expect(XLSXWriter.columnName(26) == "Z")
        #expect(XLSXWriter.columnName(27) == "AA")
        #expect(XLSXWriter.columnName(703) == "AAA")
    }

    @Test func sheetNamesFollowExcelsRules() {
        let names = XLSXWriter.sheetNames([
            "Школы: статусы и кураторы по муниципалитету", "Школы: статусы и кураторы по муниципалитету", "a/b", "",
        ])
        #expect(names[0] == "Школы_ статусы и кураторы по му")
        #expect(names[0].count == 31)
        #expect(names[1] == "Школы_ статусы и кураторы п (2)")
        #expect(names[2] == "a_b")
        #expect(names[3] == "Лист 4")
    }
}

@Suite struct DocumentTests {
    let document = sampleOrder(
        subject: "Об определении школ-кураторов",
        preamble: "В целях оказания адресной методической помощи школам с низкими образовательными результатами",
        points: [
            .init(
                "Определить школу-куратора для школ с низкими образовательными результатами:",
                items: ["МБОУ «А» для МБОУ «Б», МБОУ «В»;"]),
            .init("Контроль за исполнением приказа оставляю за собой.", subpoints: [.init("Подпункт.")]),
        ],
        appendices: [.init(title: "Приложение 1", blocks: [.table(sampleTable)])])

    @Test func markdown() {
        let md = DocumentRenderer().markdown(document)
        #expect(md.contains("**ПРИКАЗ**"))
        #expect(md.contains("01.09.2026 · г. Светлореченск · № 214"))
        #expect(
            md.contains(
                "1. Определить школу-куратора для школ с низкими образовательными результатами:\n   - МБОУ «А» для МБОУ «Б», МБОУ «В»;\n2. Контроль"
            ))
        #expect(md.contains("2.1. Подпункт."))
        #expect(md.contains("Начальник управления образования — Т. А. Иванова"))
        #expect(md.contains("### Приложение 1"))
        // Appendix text is escaped and notes are quoted, as in reports.
        var noted = document
        noted.appendices = [
            .init(title: "Приложение 2", blocks: [.paragraph("Курсы *срочно* [ИРО]"), .note("Мест нет")])
        ]
        let text = DocumentRenderer().markdown(noted)
        #expect(text.contains("Курсы \\*срочно\\* \\[ИРО\\]\n\n"))
        #expect(text.contains("> Мест нет\n\n"))
    }

    @Test func htmlIsPrintableAndFilledBlanksWhenUnknown() {
        let html = DocumentRenderer().html(document)
        #expect(html.contains("<p class=\"kind\">ПРИКАЗ</p>"))
        #expect(html.contains("<b>приказываю:</b>"))
        #expect(html.contains("class=\"doc appendix\""))
        var draft = document
        draft.date = nil
        draft.number = nil
        let blank = DocumentRenderer().html(draft)
        #expect(blank.contains("«___» ____________ 20___ г."))
        #expect(blank.contains("№\u{00A0}______"))
    }
}
