import NastavnikCore
import Testing

/// Which «Ответственные» of the seed roadmaps name the schools themselves.
@Suite struct SchoolResponsibilityTests {
    @Test(arguments: [
        "Руководители ОО", "Комитет образования МБУ ГИМЦ Руководители ОО Куратор ОО", "директора ОУ",
        "ОУ Яковлевского городского округа", "Администрация школ", "Руководители образовательных организаций",
    ])
    func theSchoolsAreNamed(_ responsible: String) {
        #expect(SchoolResponsibility.namesSchools(responsible))
    }

    @Test(arguments: [
        "Управление образования", "Федотова Н.Э.", "муниципальный координатор", "МЦОКО", "специалист УО",
        "Отдел образования", "ООО «Учебный центр»", "Участники реализации Программы",
    ])
    func nobodyAtTheSchoolsIsNamed(_ responsible: String) {
        #expect(!SchoolResponsibility.namesSchools(responsible))
    }

    @Test func noResponsibleNamesNoSchool() {
        #expect(!SchoolResponsibility.namesSchools(nil))
        #expect(!SchoolResponsibility.namesSchools(""))
    }
}
