import Foundation
import NastavnikCore
import Testing

/// The catalogue of typical anti-risk measures (`Seeds/programmes/catalogue.json`), its terms in
/// a school year and the links of support to risk factors (issue 21).
@Suite struct ProgrammeCatalogueTests {
    static let catalogueURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Seeds/programmes/catalogue.json")

    static func catalogue() throws -> ProgrammeCatalogue {
        try ProgrammeCatalogue.decode(try Data(contentsOf: catalogueURL))
    }

    @Test func theCatalogueCoversEveryFactorWithGoalTasksAndMeasures() throws {
        let catalogue = try Self.catalogue()
        #expect(catalogue.problems().isEmpty)
        #expect(Set(catalogue.factors.map(\.factor)) == Set(RiskFactor.allCases))
        for template in catalogue.factors {
            #expect((2...4).contains(template.tasks.count))
            #expect((5...8).contains(template.measures.count))
            // Every task has at least one measure under it.
            #expect(Set(template.measures.map(\.task)) == Set(1...template.tasks.count), "\(template.factor)")
        }
    }

    @Test func aCatalogueMissingAFactorOrWithAnUnknownTermIsRefused() throws {
        var catalogue = try Self.catalogue()
        catalogue.factors.removeAll { $0.factor == .languageBarriers }
        catalogue.factors[0].measures[0].term = "когда-нибудь"
        catalogue.factors[0].measures[1].task = 9
        let problems = catalogue.problems()
        #expect(problems.contains("фактор 10 описан 0 раз(а), а должен один"))
        #expect(problems.contains("фактор 1, мера 1: срок «когда-нибудь» не по образцу"))
        #expect(problems.contains("фактор 1, мера 2: нет задачи 9"))
        let data = try JSONEncoder().encode(catalogue)
        #expect(throws: ProgrammeCatalogue.CatalogueError.self) { try ProgrammeCatalogue.decode(data) }
    }

    @Test(arguments: [
        ("октябрь", "Октябрь 2026"), ("сентябрь–октябрь", "Сентябрь – октябрь 2026"),
        ("ноябрь–февраль", "Ноябрь 2026 – февраль 2027"), ("апрель–май", "Апрель – май 2027"),
        ("декабрь, май", "Декабрь 2026, май 2027"), ("ежеквартально", "Ежеквартально"), ("ежемесячно", "Ежемесячно"),
        ("в течение учебного года", "В течение 2026/27 учебного года"),
    ])
    func patternsBecomeTermsOfTheSchoolYear(pattern: String, term: String) {
        #expect(SchoolYearTerm.text(pattern, schoolYear: 2026) == term)
    }

    @Test func patternsOutOfTheSchoolYearOrUnknownAreNone() {
        #expect(SchoolYearTerm.text("май–сентябрь", schoolYear: 2026) == nil)
        #expect(SchoolYearTerm.text("по графику", schoolYear: 2026) == nil)
        #expect(SchoolYearTerm.text("мартобрь", schoolYear: 2026) == nil)
    }

    /// Every term a draft writes is read by the term parser into dates within the school year.
    @Test func everyDraftedTermReadsIntoTheSchoolYear() throws {
        let year = LocalDate(year: 2026, month: 9, day: 1)!...LocalDate(year: 2027, month: 8, day: 31)!
        let parser = TermParser(period: year)
        for template in try Self.catalogue().factors {
            let draft = try #require(
                ProgrammeDraft(template: template, schoolCode: "S1", schoolName: "Школа", schoolYear: 2026))
            #expect(draft.measures.count == template.measures.count)
            for entry in draft.measures {
                let parsed = parser.parse(entry.term)
                #expect(parsed.flag != .unreadable, "\(entry.term)")
                #expect(!parsed.occurrences.isEmpty, "\(entry.term)")
                for occurrence in parsed.occurrences where occurrence.recurrence == nil {
                    #expect(year.contains(occurrence.start) && year.contains(occurrence.end), "\(entry.term)")
                }
                #expect(entry.indicator?.isEmpty == false)
                #expect(draft.tasks.contains(entry.direction ?? ""))
            }
        }
    }

    @Test func measuresAreNumberedByTask() throws {
        let template = try #require(try Self.catalogue().template(for: .teacherCompetence))
        let draft = try #require(
            ProgrammeDraft(template: template, schoolCode: "S1", schoolName: "Школа", schoolYear: 2026))
        #expect(draft.measures.map { $0.number ?? "" } == ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3"])
        #expect(draft.schoolYearText == "2026/27")
    }

    @Test func planItemKindsAddressTheirSettingsFactors() throws {
        #expect(SupportFactors.factors(of: .course) == [.teacherCompetence])
        #expect(SupportFactors.factors(of: .mentoring) == [.staffShortage, .teacherCompetence])
        #expect(SupportFactors.factors(of: .selfStudy) == [.noInSchoolTraining])
        let changed = SettingValues(stored: [Settings.linksCourse.id: "3, 9"])
        #expect(SupportFactors.factors(of: .course, in: changed) == [.teacherCompetence, .specialNeedsShare])
        #expect(SupportFactors.text([.staffShortage, .teacherCompetence]) == "2, 3")
        // A list of factor numbers only: anything else is refused with the setting named.
        #expect(throws: SettingError.self) { try Settings.linksCourse.normalize("11").get() }
        #expect(Settings.all.contains(Settings.linksSelfStudy))
    }

    @Test func documentKindsReadAsUsersWriteThem() {
        #expect(SchoolDocumentKind(userValue: "Концепция") == .concept)
        #expect(SchoolDocumentKind(userValue: "среднесрочная программа развития") == .programme)
        #expect(SchoolDocumentKind(userValue: "программа") == .programme)
        #expect(SchoolDocumentKind(userValue: "приказ") == nil)
    }
}
