import NastavnikCore
import Testing

/// The staff page's query as a plain value: the word-prefix match, what a search text is, the
/// page's bounds.
@Suite struct StaffQueryTests {
    let day = LocalDate(year: 2026, month: 9, day: 1)!

    @Test func aNameMatchesByAnyWordsBeginning() {
        let folded = { CellValue.fold($0) }
        #expect(StaffQuery.name("Семёнова Алёна Ивановна", hasWordStarting: folded("АЛЕН")))
        #expect(StaffQuery.name("Семёнова Алёна Ивановна", hasWordStarting: folded("семенова  ал")))
        #expect(StaffQuery.name("Ёлкин Иван", hasWordStarting: folded("елк")))
        #expect(!StaffQuery.name("Ёлкин Иван", hasWordStarting: folded("ван")))
        #expect(!StaffQuery.name("Ёлкин Иван", hasWordStarting: folded("иван ёлкин")))
    }

    @Test func aTextWithADigitIsANumberAndASNILSIsReadEitherWay() {
        #expect(StaffQuery(search: "Иванова", asOf: day).searchesNames)
        #expect(!StaffQuery(search: "T12", asOf: day).searchesNames)
        #expect(!StaffQuery(search: nil, asOf: day).searchesNames)
        #expect(StaffQuery(search: "112-233-445 95", asOf: day).searchSNILS?.formatted == "112-233-445 95")
        #expect(StaffQuery(search: "11223344595", asOf: day).searchSNILS?.formatted == "112-233-445 95")
        #expect(StaffQuery(search: "11223344596", asOf: day).searchSNILS == nil)
        #expect(StaffQuery(search: "   ", asOf: day).foldedSearch == nil)
    }

    @Test func thePageAndItsSize() {
        #expect(StaffQuery(asOf: day).pageSize == 50)
        #expect(StaffQuery(page: 3, pageSize: 20, asOf: day).offset == 40)
        #expect(StaffQuery(pageSize: 500, asOf: day).problem == nil)
        #expect(StaffQuery(pageSize: 501, asOf: day).problem?.contains("--page-size") == true)
        #expect(StaffQuery(pageSize: 0, asOf: day).problem?.contains("указано 0") == true)
        #expect(StaffQuery(page: 0, asOf: day).problem?.contains("--page ") == true)
    }
}
