import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

@Suite struct SchoolTablesTests {
    @Test func listShowsStatusesAndCurators() {
        let school = SchoolOverview(
            school: School(code: "SV001", name: "Школа № 1", municipality: "Город", students: 500), staffCount: 40,
            curators: ["SV002"])
        let table = SchoolTables.list([school])
        #expect(table.columns.count == 8)
        #expect(table.columns[0].key == "code")
        #expect(table.rows[0][6] == .integer(40))
        #expect(SchoolTables.list([]).emptyMessage == "Школ нет: импортируйте список (nastavnik import schools ФАЙЛ).")
    }

    @Test func classificationNamesTheDeterminingProceduresAndItsEmptyMessage() {
        let rules = ClassificationRules()
        let all = SchoolTables.classification([], rules: rules, rating: [:], differencesOnly: false)
        #expect(all.columns.count == 12)
        #expect(all.columns[2].title == "Относительный балл \(rules.determining.joined(separator: ", "))")
        #expect(all.emptyMessage == "Школ нет.")
        let differences = SchoolTables.classification([], rules: rules, rating: [:], differencesOnly: true)
        #expect(differences.emptyMessage == "Расхождений с официальными статусами нет.")
    }
}
