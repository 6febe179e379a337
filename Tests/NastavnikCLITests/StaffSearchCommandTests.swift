import Foundation
import NastavnikCore
import Testing

@testable import NastavnikCLI

/// Issue 19, the staff page through `staff list`: the search, the filters, the orders, the
/// paging and the total, and the list as it was when none of them is given.
@Suite struct StaffSearchCommandTests: ImportedDatabaseSuite {
    static let files: [(String, String)] = [
        CSVFixture.schools("S1;Первая", "S2;Вторая"),
        (
            "staff",
            """
            Табельный номер;ФИО;Код ОО;Должность;Дата рождения;Дата начала педагогической деятельности;СНИЛС
            T1;Иванова Алёна;S1;учитель;01.01.1980;01.09.2000;112-233-445 95
            T2;Петров Иван;S1;директор;01.01.1970;01.09.1995;
            T3;Сидорова Мария;S2;учитель;01.01.1985;01.09.2010;
            T4;Новикова Ольга;S2;учитель;01.01.2000;01.09.2025;

            """
        ),
        (
            "diagnostics",
            """
            Табельный номер;Дата диагностики;Инструмент;Предметные компетенции;Методические компетенции;Дефициты
            T3;15.03.2026;ЦНППМ;9;15;"подготовка к ГИА; проектная деятельность"
            T1;15.03.2026;ЦНППМ;14;26;

            """
        ),
    ]

    let sandbox: CLISandbox

    func ids(_ arguments: [String]) async throws -> [String] {
        try await json(["staff", "list", "--as-of", "01.09.2026"] + arguments).compactMap { $0["staff_id"] as? String }
    }

    @Test func searchByNameNumberAndSNILS() async throws {
        #expect(try await ids(["--search", "АЛЕНА"]) == ["T1"])
        #expect(try await ids(["--search", "ив"]) == ["T1", "T2"])
        #expect(try await ids(["--search", "T3"]) == ["T3"])
        #expect(try await ids(["--search", "11223344595"]) == ["T1"])
        #expect(try await ids(["--search", "112-233-445 95"]) == ["T1"])
    }

    @Test func filtersAndTheirColumns() async throws {
        #expect(try await ids(["--overdue"]) == ["T1", "T2", "T3"])
        #expect(try await ids(["--overdue", "--school", "S2"]) == ["T3"])
        #expect(try await ids(["--kind", "руководящий"]) == ["T2"])
        #expect(try await ids(["--early-career"]) == ["T4"])
        #expect(try await ids(["--by-name"]) == ["T1", "T4", "T2", "T3"])
        let deficits = try await json(["staff", "list", "--deficit", "Подготовка к ГИА", "--as-of", "01.09.2026"])
        #expect(deficits.count == 1)
        #expect(deficits.first?["staff_id"] as? String == "T3")
        #expect(deficits.first?["deficits"] as? [String] == ["подготовка к ГИА", "проектная деятельность"])
        #expect(deficits.first?["due_by"] as? String == "2013-09-01")
        #expect(deficits.first?["overdue"] as? Bool == true)
        #expect(deficits.first?["school_name"] as? String == "Вторая")
    }

    @Test func pagesAndTheTotal() async throws {
        #expect(try await ids(["--page-size", "3"]) == ["T1", "T2", "T4"])
        #expect(try await ids(["--page-size", "3", "--page", "2"]) == ["T3"])
        let table = await run(["staff", "list", "--page-size", "3", "--page", "2", "--db", db])
        #expect(table.status == 0, "\(table.err)")
        #expect(table.out.contains("Найдено: 4; страница 2 из 2"))
        let past = await run(["staff", "list", "--page", "5", "--db", db])
        #expect(past.out.contains("Найдено: 4; страница 5 из 1") && past.out.contains("На этой странице никого нет."))
    }

    @Test func badOptionsAreRefusedNamingThem() async {
        let size = await run(["staff", "list", "--page-size", "501", "--db", db])
        #expect(size.status != 0 && size.err.contains("page-size") && size.err.contains("501"))
        let page = await run(["staff", "list", "--page", "0", "--db", db])
        #expect(page.status != 0 && page.err.contains("(page)") && page.err.contains("указано 0"))
        let kind = await run(["staff", "list", "--kind", "завхоз", "--db", db])
        #expect(kind.status != 0 && kind.err.contains("«завхоз»"))
        let school = await run(["staff", "list", "--overdue", "--school", "S9", "--db", db])
        #expect(school.status != 0 && school.err.contains("S9"))
    }

    /// Without a new option the list keeps its columns and order (by school, then name).
    @Test func withoutTheNewOptionsTheListIsAsItWas() async throws {
        let rows = try await json(["staff", "list", "--as-of", "01.09.2026"])
        #expect(rows.compactMap { $0["staff_id"] as? String } == ["T1", "T2", "T4", "T3"])
        #expect(rows.first?["trained_within_3_years"] != nil && rows.first?["due_by"] == nil)
    }
}
