import Foundation
import NastavnikCore
import NastavnikTestSupport
import Testing

@testable import NastavnikReports

@Suite struct DOCXWriterTests {
    let order = sampleOrder(
        subject: "О закреплении школ-кураторов",
        preamble: "В целях оказания адресной методической помощи школам <НОР> & «ШНСУ»",
        points: [
            .init("Определить школы-кураторы:", items: ["МБОУ «А» для МБОУ «Б»;", "МБОУ «В» для МБОУ «Г»."]),
            .init("Руководителям школ организовать сопровождение.", subpoints: [.init("Провести семинары.")]),
            .init("Контроль за исполнением приказа оставляю за собой."),
        ],
        appendices: [
            .init(
                title: "Приложение к приказу. Закрепление школ-кураторов",
                blocks: [
                    .table(
                        ReportTable(
                            title: "Пары",
                            columns: [
                                Column("n", "№ п/п"), Column("curator", "Школа-куратор"), Column("share", "Доля"),
                            ],
                            rows: [
                                [.integer(1), .text("МБОУ «А»\nкорпус 2"), .percent(12.5)],
                                [.integer(2), .text("Школа \u{1}<b>"), .empty],
                            ])),
                    .note("Мест нет"),
                ])
        ])

    @Test func theOrderHasItsRequisitesInOrder() throws {
        let doc = try WordDocument(bytes: try DOCXWriter().render(order))
        #expect(
            doc.paragraphs == [
                "Управление образования", "администрации Светлореченского муниципального округа", "ПРИКАЗ",
                "01.09.2026\t№ 214", "г. Светлореченск", "О закреплении школ-кураторов",
                "В целях оказания адресной методической помощи школам <НОР> & «ШНСУ» приказываю:",
                "1. Определить школы-кураторы:", "– МБОУ «А» для МБОУ «Б»;", "– МБОУ «В» для МБОУ «Г».",
                "2. Руководителям школ организовать сопровождение.", "2.1. Провести семинары.",
                "3. Контроль за исполнением приказа оставляю за собой.",
                "Начальник управления образования\tТ. А. Иванова",
                "Приложение", "к приказу", "от 01.09.2026 № 214", "Закрепление школ-кураторов", "Пары",
                "Мест нет",
            ])
        #expect(doc.paragraph("ПРИКАЗ")?.bold == true)
        #expect(doc.paragraph("ПРИКАЗ")?.alignment == "center")
        #expect(doc.paragraph("О закреплении школ-кураторов")?.bold == true)
        #expect(doc.paragraph("1. Определить школы-кураторы:")?.style == "DocumentText")
        #expect(doc.paragraph("1. Определить школы-кураторы:")?.bold == false)
        // The text is escaped, and a control character XML cannot carry is dropped.
        let xml = try #require(doc.parts["word/document.xml"])
        #expect(xml.contains("школам &lt;НОР&gt; &amp; «ШНСУ»"))
        // Russian typesetting: «№» is kept with its number.
        #expect(xml.contains("№\u{00A0}214"))
    }

    @Test func theAppendixIsARealTableWithAHeaderOnEveryPage() throws {
        let doc = try WordDocument(bytes: try DOCXWriter().render(order))
        let table = try #require(doc.tables.first)
        #expect(doc.tables.count == 1)
        #expect(
            table.rows == [
                ["№ п/п", "Школа-куратор", "Доля"], ["1", "МБОУ «А»\nкорпус 2", "12,5 %"], ["2", "Школа <b>", ""],
            ])
        #expect(table.headerRows == 1)
        // The columns fill the text's width: 210 − 20 − 10 mm.
        #expect(table.columnWidths.reduce(0, +) == 10205)
        #expect(table.columnWidths[1] > table.columnWidths[0])
    }

    @Test func pagesAreA4WithTheMarginsOfGOST() throws {
        let doc = try WordDocument(bytes: try DOCXWriter().render(order))
        // The order and its appendix are two sections, both portrait A4: 20/10/20/20 mm.
        #expect(doc.pages.count == 2)
        for page in doc.pages {
            #expect(
                page
                    == WordDocument.Page(
                        width: 11906, height: 16838, landscape: false, margins: [1134, 567, 1134, 1134]))
        }
        let styles = try #require(doc.parts["word/styles.xml"])
        #expect(
            styles.contains(
                "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/>"
            ))
        #expect(styles.contains("<w:lang w:val=\"ru-RU\""))
        // Pages are numbered from the second one, in the header.
        #expect(doc.parts["word/header1.xml"]?.contains(" PAGE ") == true)
        #expect(doc.parts["word/document.xml"]?.contains("<w:titlePg/>") == true)
        #expect(
            Set(doc.parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/header1.xml",
            ])
        #expect(doc.parts["docProps/core.xml"]?.contains("<dc:title>О закреплении школ-кураторов</dc:title>") == true)
    }

    @Test func blanksStandForAnUnknownDateAndNumber() throws {
        var draft = order
        draft.date = nil
        draft.number = nil
        draft.place = nil
        let doc = try WordDocument(bytes: try DOCXWriter().render(draft))
        #expect(doc.paragraphs[3] == "«___» ____________ 20___ г.\t№ ______")
        #expect(doc.paragraphs[4] == "О закреплении школ-кураторов")
        #expect(doc.paragraphs.contains("от «___» ____________ 20___ г. № ______"))
    }

    @Test func aWideAppendixIsLandscape() throws {
        var wide = order
        wide.appendices = [
            .init(
                title: "Приложение 1",
                blocks: [.table(ReportTable(columns: (1...7).map { Column("c\($0)", "Столбец \($0)") }, rows: [[]]))]),
            .init(title: "Приложение 2", blocks: [.paragraph("Текст")]),
        ]
        let doc = try WordDocument(bytes: try DOCXWriter().render(wide))
        #expect(doc.pages.map(\.landscape) == [false, true, false])
        #expect(doc.pages[1].width == 16838)
        #expect(doc.tables[0].columnWidths.reduce(0, +) == 16838 - 1134 - 567)
        // Several appendices are numbered, and a title that is not «Приложение к приказу. …» stays.
        #expect(doc.paragraphs.contains("Приложение № 2"))
        #expect(doc.paragraphs.contains("Приложение 1"))
        // A row shorter than the header is filled with empty cells.
        #expect(doc.tables[0].rows[1] == Array(repeating: "", count: 7))
    }

    @Test func aReportHasItsSectionsTablesAndChartsAsTables() throws {
        let doc = try WordDocument(bytes: try DOCXWriter().render(sampleReport))
        #expect(
            Array(doc.paragraphs.prefix(4)) == [
                "Отчёт № 1", "по состоянию на 22.11.2026", "Кадры", "Прошли КПК в течение 3 лет: 12 %.",
            ])
        #expect(doc.paragraphs.contains("Диагностика не проводилась."))
        // The table and the four charts' data tables.
        #expect(doc.tables.count == 5)
        #expect(doc.tables[0].rows[0] == ["Код ОО", "Школа", "Доля", "Педагогов", "С", "Балл"])
        #expect(doc.tables[0].rows[1][1] == "<b>Школа</b> & «Ёлочка»")
        #expect(doc.tables[1].rows == [["Показатель", "Доля"], ["S1", "12,5 %"], ["S2", "100,0 %"]])
        // One section, portrait: no table is wider than six columns.
        #expect(doc.pages.map(\.landscape) == [false])
    }

    @Test func sectionsOnTheirOwnPagesTakeTheirOrientation() throws {
        let report = Report(
            title: "Планы",
            sections: [
                ReportSection(
                    title: "Узкий", blocks: [.table(ReportTable(columns: [Column("a", "А")], rows: [[.text("1")]]))]),
                ReportSection(
                    title: "Широкий",
                    blocks: [.table(ReportTable(columns: (1...8).map { Column("c\($0)", "С\($0)") }, rows: []))]),
            ])
        let separate = try WordDocument(bytes: try DOCXWriter().render(report, pageBreakBetweenSections: true))
        #expect(separate.pages.map(\.landscape) == [false, true])
        // An empty table says so instead.
        #expect(separate.paragraphs.last == "Нет данных.")
        let together = try WordDocument(bytes: try DOCXWriter().render(report))
        #expect(together.pages.map(\.landscape) == [true])
    }

    @Test func aTableDoesNotRepeatTheAppendixHeading() throws {
        var draft = order
        draft.appendices = [
            .init(
                title: "Приложение к приказу. График",
                blocks: [.table(ReportTable(title: "График", columns: [Column("a", "А")], rows: [[.integer(1)]]))])
        ]
        let doc = try WordDocument(bytes: try DOCXWriter().render(draft))
        #expect(doc.paragraphs.filter { $0 == "График" }.count == 1)
    }

    /// Every column has room for its longest word; the longer texts share what is left.
    @Test func columnsFitTheirLongestWords() {
        let table = ReportTable(
            columns: [Column("n", "№"), Column("start", "Начало"), Column("reason", "Основание")],
            rows: [
                [
                    .integer(1), .date(LocalDate(year: 2027, month: 2, day: 10)!),
                    .text(String(repeating: "срок истёк ", count: 8)),
                ]
            ])
        let widths = WordBody.columnWidths(table, total: 10205)
        #expect(widths.reduce(0, +) == 10205)
        #expect(widths[0] >= 3 * 132 + 144)
        #expect(widths[1] >= 10 * 132 + 144)
        #expect(widths[2] > widths[1])
        // A hyphenated word may break after its hyphen: on a narrow page, its longest part sets the width.
        func firstWidth(_ word: String) -> Int {
            WordBody.columnWidths(
                ReportTable(
                    columns: [Column("a", "Организатор"), Column("b", "Б")], rows: [[.text(word), .text("б")]]),
                total: 2000)[0]
        }
        #expect(firstWidth("Информационно-методический") < firstWidth("Информационнометодический"))
        // Too narrow a page: the words' room shrinks in proportion.
        let narrow = WordBody.columnWidths(table, total: 1000)
        #expect(narrow.reduce(0, +) == 1000)
        #expect(narrow[1] > narrow[0])
    }

    /// A table too wide for its words at 12 pt is set smaller (down to 10 pt); one that fits is not.
    @Test func aVeryWideTableGetsASmallerType() throws {
        func xml(columns: Int) throws -> String {
            var draft = order
            draft.appendices = [
                .init(
                    title: "Приложение 1",
                    blocks: [
                        .table(
                            ReportTable(
                                columns: (1...columns).map { Column("c\($0)", "Столбец\($0)") },
                                rows: [(1...columns).map { _ in .text("Управление") }]))
                    ])
            ]
            return try #require(try WordDocument(bytes: try DOCXWriter().render(draft)).parts["word/document.xml"])
        }
        // Ten-letter words: six columns fit a portrait page, ten a landscape one, at 12 pt.
        #expect(!(try xml(columns: 6)).contains("<w:sz "))
        #expect(!(try xml(columns: 10)).contains("<w:sz "))
        #expect(try xml(columns: 11).contains("<w:sz w:val=\"22\"/>"))
        #expect(try xml(columns: 12).contains("<w:sz w:val=\"20\"/>"))
    }

    @Test func helpers() {
        #expect(DOCXWriter.dative("ПРИКАЗ") == "приказу")
        #expect(DOCXWriter.dative("РАСПОРЯЖЕНИЕ") == "распоряжению")
        #expect(DOCXWriter.dative("ПИСЬМО") == "документу")
        #expect(DOCXWriter.appendixHeading("Приложение к приказу. График") == "График")
        #expect(DOCXWriter.appendixHeading("Приложение 1") == "Приложение 1")
        #expect(DOCXWriter.appendixHeading("Список. Второй") == "Список. Второй")
        #expect(DOCXWriter.Layout.twips(20) == 1134)
        #expect(DOCXWriter.Layout.twips(10) == 567)
        let widths = WordBody.columnWidths(
            ReportTable(columns: [Column("a", "№"), Column("b", "Наименование")], rows: [[.integer(1), .text("x")]]),
            total: 1000)
        #expect(widths.reduce(0, +) == 1000)
        #expect(widths[0] < widths[1])
    }

    @Test func aTextsLongestWordAndLineCountedOnTheBytesAreThoseOfItsCharacters() {
        let texts = [
            "", "Информационно-методический центр", "a--b -abc", "№\u{00A0}5 — «Лицей»…", "две\nстроки-и-ещё",
            "Школа № 12", "е\u{0301}ж", "a\r\nb", "漢字 и", "‑‒–—―‘’‚“”„†‡•…", "  много   пробелов  ",
        ]
        for text in texts {
            let bytes = Array(text.utf8).withUnsafeBufferPointer { WordBody.longestByBytes($0) }
            if let bytes {
                #expect(bytes == WordBody.longestByCharacters(text), "\(text)")
            }
            #expect(WordBody.longest(text) == WordBody.longestByCharacters(text), "\(text)")
        }
        // Combining marks, «\r\n» and Chinese are left to the characters.
        for text in ["е\u{0301}ж", "a\r\nb", "漢字 и"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { WordBody.longestByBytes($0) } == nil)
        }
    }
}
