import NastavnikCore
import Testing

/// The staff page's query as a plain value: what a typed text is, the word-prefix match, the
/// page's bounds, and the early-career rule as the first day it no longer applies.
@Suite struct StaffQueryTests {
    @Test func aSNILSIsReadWithOrWithoutItsSeparators() throws {
        let snils = try #require(SNILS(number: 112_233_445, check: SNILS.checkNumber(of: 112_233_445)!))
        #expect(StaffSearch("112-233-445 95") == .snils(snils))
        #expect(StaffSearch(" 11223344595 ") == .snils(snils))
        #expect(StaffSearch("112 233 445 95") == .snils(snils))
        // A wrong check number is not a СНИЛС: it is looked up as a personnel number.
        #expect(StaffSearch("11223344596") == .personnelNumber("11223344596"))
    }

    @Test func aTextWithADigitIsAPersonnelNumberAndOtherwiseAName() {
        #expect(StaffSearch("T-0012") == .personnelNumber("T-0012"))
        #expect(StaffSearch("  P0000042 ") == .personnelNumber("P0000042"))
        #expect(StaffSearch("Иванов 1") == .personnelNumber("Иванов 1"))
        #expect(StaffSearch("  Семёнова   АЛ ") == .name(words: ["семенова", "ал"]))
        #expect(StaffSearch("Петрова-Водкина") == .name(words: ["петрова", "водкина"]))
        #expect(StaffSearch("   ") == nil)
        #expect(StaffSearch(" - ") == nil)
    }

    @Test func aNameMatchesWhenEachWordBeginsOneOfItsWords() {
        let name = "Семёнова Алёна Ивановна"
        #expect(StaffSearch.name(name, matches: ["ален"]))
        #expect(StaffSearch.name(name, matches: ["семенова", "ал"]))
        #expect(StaffSearch.name(name, matches: ["ив", "сем"]))
        #expect(!StaffSearch.name(name, matches: ["лена"]))
        #expect(!StaffSearch.name(name, matches: ["семенова", "петр"]))
        #expect(StaffSearch.name("Петрова-Водкина Анна", matches: ["водк"]))
        #expect(StaffSearch.words(of: "Ёлкин  ИВАН") == ["елкин", "иван"])
    }

    @Test func aQueryFromTypedTextAndItsPage() {
        let query = StaffQuery(text: "  ", schoolCode: " ", deficit: "", page: 3, pageSize: 20)
        #expect(query.search == nil && query.schoolCode == nil && query.deficit == nil)
        #expect(query.offset == 40)
        #expect(StaffQuery(text: "Оценивание", deficit: "ОЦЕНИВАНИЕ").foldedDeficit == "оценивание")
        #expect(StaffQuery().pageSize == 50 && StaffQuery().problem == nil)
        #expect(StaffQuery(pageSize: 500).problem == nil)
        #expect(StaffQuery(pageSize: 501).problem?.contains("page-size") == true)
        #expect(StaffQuery(pageSize: 0).problem?.contains("указано 0") == true)
        #expect(StaffQuery(page: 0).problem?.contains("(page)") == true)
        #expect(StaffQuery(page: StaffQuery.maximumPage + 1).problem != nil)
    }

    /// The store keeps, for each person, the first day the rule no longer applies, and selects
    /// by `early_until > date`: that must be exactly `applies` on every day, for both readings
    /// of the rule, 29 February and unknown values included.
    @Test(arguments: [true, false])
    func theFirstDayNotApplyingAgreesWithTheRuleOnEveryDay(both: Bool) {
        let rule = EarlyCareerRule(ageLimit: 35, years: 3, bothConditions: both)
        let births: [LocalDate?] = [
            nil, LocalDate(year: 1992, month: 2, day: 29), LocalDate(year: 1995, month: 7, day: 1),
        ]
        let starts: [LocalDate?] = [
            nil, LocalDate(year: 2024, month: 2, day: 29), LocalDate(year: 2026, month: 9, day: 1),
        ]
        let stated: [Double?] = [nil, 1, 5]
        var checked = 0
        var disagreements: [String] = []
        for birth in births {
            for start in starts {
                for years in stated {
                    let end = rule.firstDayNotApplying(birthDate: birth, teachingSince: start, experienceYears: years)
                    let member = StaffMember(
                        fullName: "Тест", schoolCode: "S", position: "учитель", birthDate: birth, teachingSince: start,
                        experienceYears: years)
                    var day = LocalDate(year: 2020, month: 1, day: 1)!
                    while day < LocalDate(year: 2031, month: 1, day: 1)! {
                        let applies = member.isEarlyCareer(asOf: day, rule: rule)
                        if applies != (end.map { day < $0 } ?? false) {
                            disagreements.append("\(birth as Any) \(start as Any) \(years as Any) \(day)")
                        }
                        checked += applies ? 1 : 0
                        day = day.adding(days: 1)
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        // The cases hold on some days: the test compares days on which the rule applies.
        #expect(checked > 1000)
    }
}
