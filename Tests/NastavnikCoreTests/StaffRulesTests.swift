import PropertyBased
import Testing

@testable import NastavnikCore

/// The rules of issue #16's «Who the rules apply to»: position kinds, the 3-year rule's due
/// day, молодой специалист and attestation, on plain values.
@Suite struct StaffRulesTests {
    static let day = LocalDate(year: 2026, month: 11, day: 22)!

    // MARK: Position kinds (постановление Правительства РФ от 21.02.2022 № 225)

    @Test(arguments: [
        "учитель", "Учитель математики", "учитель начальных классов", "преподаватель", "педагог-психолог",
        "Педагог - психолог",
        "социальный педагог", "учитель-логопед", "учитель-дефектолог", "педагог дополнительного образования",
        "педагог-организатор", "тьютор",
        "советник директора по воспитанию и взаимодействию с детскими общественными объединениями",
        "старший вожатый", "педагог-библиотекарь", "методист", "старший методист", "инструктор по физической культуре",
        "преподаватель-организатор ОБЗР", "преподаватель-организатор основ безопасности жизнедеятельности",
        "музыкальный руководитель", "воспитатель", "старший воспитатель", "концертмейстер", "тренер-преподаватель",
        "старший тренер-преподаватель", "старший педагог дополнительного образования", "логопед",
    ])
    func pedagogicalPosts(title: String) {
        #expect(PositionTitles.classify(title) == PositionClassification(kind: .pedagogical, known: true), "\(title)")
    }

    @Test(arguments: [
        "директор", "Директор школы", "заместитель директора по УВР", "заместитель директора по ВР",
        "заместитель директора по учебно-воспитательной работе", "зам. директора по НМР", "зам.директора по УВР",
        "руководитель структурного подразделения", "заведующий филиалом", "заведующая филиалом", "и.о. директора",
    ])
    func leadingPosts(title: String) {
        #expect(PositionTitles.classify(title) == PositionClassification(kind: .leading, known: true), "\(title)")
    }

    @Test(arguments: [
        "бухгалтер", "главный бухгалтер", "лаборант", "секретарь", "секретарь учебной части", "завхоз",
        "заведующий хозяйством",
        "заместитель директора по АХЧ", "заместитель директора по АХР", "заместитель директора по хозяйственной части",
        "заместитель директора по административно-хозяйственной работе", "библиотекарь", "младший воспитатель",
    ])
    func otherPosts(title: String) {
        #expect(PositionTitles.classify(title) == PositionClassification(kind: .other, known: true), "\(title)")
    }

    /// The old classification called these «specialist» and left them out of every rule, or
    /// called the economic staff «leader».
    @Test func oldMistakesAreFixed() {
        #expect(PositionKind(position: "педагог-психолог") == .pedagogical)
        #expect(PositionKind(position: "воспитатель") == .pedagogical)
        #expect(PositionKind(position: "социальный педагог") == .pedagogical)
        #expect(PositionKind(position: "заведующий хозяйством") == .other)
        #expect(PositionKind(position: "заместитель директора по АХЧ") == .other)
    }

    @Test func unknownTitlesAreGuessedAndMarked() {
        #expect(PositionTitles.classify("педагог-аниматор") == PositionClassification(kind: .pedagogical, known: true))
        #expect(
            PositionTitles.classify("ведущий воспитатель") == PositionClassification(kind: .pedagogical, known: false))
        #expect(
            PositionTitles.classify("руководитель центра «Точка роста»")
                == PositionClassification(kind: .leading, known: false))
        #expect(PositionTitles.classify("астронавт") == PositionClassification(kind: .other, known: false))
        #expect(PositionTitles.classify("   ") == PositionClassification(kind: .other, known: false))
    }

    @Test func overridesWinAndAreKeyedByFoldedTitle() {
        let classifier = PositionClassifier(overrides: [
            PositionTitles.key("Руководитель центра «Точка роста»"): .pedagogical,
            PositionTitles.key("лаборант"): .pedagogical,
        ])
        #expect(
            classifier.classify("руководитель  центра «точка роста»")
                == PositionClassification(kind: .pedagogical, known: true))
        #expect(classifier.classify("Лаборант") == PositionClassification(kind: .pedagogical, known: true))
        #expect(classifier.classify("директор").kind == .leading)
        #expect(PositionClassifier.standard.classify("лаборант").kind == .other)
    }

    @Test func kindsFromRussianWords() {
        #expect(PositionKind(userValue: "педагогический") == .pedagogical)
        #expect(PositionKind(userValue: "Руководящий") == .leading)
        #expect(PositionKind(userValue: "прочий") == .other)
        #expect(PositionKind(userValue: "leading") == .leading)
        #expect(PositionKind(userValue: "учитель") == nil)
    }

    /// Classification is total: any text gets a kind, the same by its bytes and as a string,
    /// and the same after refolding.
    @Test func classificationIsTotalAndStable() async {
        let characters = Gen<Character?>.element(
            of: Array("учитель-директор заместитель хоз. ДЁёАХЧ педагог–старший\tZq1") as [Character]
        ).map { $0! }
        await propertyCheck(input: characters.string(of: 0...40)) { title in
            let kind = PositionTitles.classify(title)
            #expect(PositionTitles.classify(PositionTitles.key(title)) == kind)
            #expect(PositionTitles.classify(title.uppercased()) == kind)
            #expect(PositionKind.allCases.contains(kind.kind))
        }
    }

    // MARK: The 3-year rule (273-ФЗ, ст. 47, ч. 5, п. 2)

    @Test func newcomerIsNotInBreach() {
        let rule = TrainingRule()
        // Began in September 2024, never trained: due by September 2027.
        let due = rule.dueBy(lastTrainingEnd: nil, teachingSince: LocalDate(year: 2024, month: 9, day: 1))
        #expect(due == LocalDate(year: 2027, month: 9, day: 1))
        #expect(!rule.isOverdue(dueBy: due, asOf: Self.day))
        // The old rule called the same person non-compliant.
        #expect(!rule.isCompliant(lastTrainingEnd: nil, asOf: Self.day))
    }

    @Test func dueByIsTheLaterOfTrainingAndStartPlusThreeYears() {
        let rule = TrainingRule()
        let end = LocalDate(year: 2022, month: 5, day: 20)!
        #expect(
            rule.dueBy(lastTrainingEnd: end, teachingSince: LocalDate(year: 2001, month: 9, day: 1))
                == LocalDate(year: 2025, month: 5, day: 20))
        #expect(rule.isOverdue(dueBy: rule.dueBy(lastTrainingEnd: end, teachingSince: nil), asOf: Self.day))
        #expect(rule.dueBy(lastTrainingEnd: nil, teachingSince: nil) == nil)
        #expect(rule.isOverdue(dueBy: nil, asOf: Self.day))
        // Due on the day itself is not yet overdue.
        #expect(!rule.isOverdue(dueBy: Self.day, asOf: Self.day))
    }

    /// An order drawn up after the due day says the term has ended («истёк»); the old text said
    /// «истекает» of a day long past.
    @Test func theOrderSaysWhetherTheTermHasEnded() {
        let rule = TrainingRule()
        let end = LocalDate(year: 2022, month: 5, day: 20)!
        #expect(
            rule.dueWording(dueBy: LocalDate(year: 2025, month: 5, day: 20), lastTrainingEnd: end, asOf: Self.day)
                == "срок 3 года истёк 20.05.2025 (КПК окончены 20.05.2022)")
        #expect(
            rule.dueWording(dueBy: LocalDate(year: 2027, month: 9, day: 1), lastTrainingEnd: nil, asOf: Self.day)
                == "срок 3 года истекает 01.09.2027 (сведений о КПК нет, срок от начала педагогической деятельности)")
        #expect(rule.dueWording(dueBy: nil, lastTrainingEnd: nil, asOf: Self.day) == "нет сведений о КПК")
    }

    static let dates = Gen.int(in: 2_440_000...2_470_000).map { LocalDate(dayNumber: $0) }

    /// dueBy is never before either known start plus 3 years, and being trained within 3 years
    /// always means not overdue.
    @Test func dueByInvariants() async {
        let rule = TrainingRule()
        await propertyCheck(input: Self.dates.optional, Self.dates.optional, Self.dates) { end, since, date in
            let due = rule.dueBy(lastTrainingEnd: end, teachingSince: since)
            if let since { #expect(due! >= since.adding(years: 3)) }
            if let end { #expect(due! >= end.adding(years: 3)) }
            #expect((due == nil) == (end == nil && since == nil))
            if rule.isCompliant(lastTrainingEnd: end, asOf: date) { #expect(!rule.isOverdue(dueBy: due, asOf: date)) }
        }
    }

    // MARK: Молодой специалист (Ставрополь: «в возрасте до 35 лет … в первые три года работы»)

    @Test func earlyCareerNeedsBothConditionsByDefault() {
        let young = StaffMember(
            fullName: "А", schoolCode: "S", position: "учитель", birthDate: LocalDate(year: 1995, month: 1, day: 1),
            teachingSince: LocalDate(year: 2013, month: 9, day: 1))
        let newcomer = StaffMember(
            fullName: "Б", schoolCode: "S", position: "учитель", birthDate: LocalDate(year: 1970, month: 1, day: 1),
            teachingSince: LocalDate(year: 2025, month: 9, day: 1))
        let both = StaffMember(
            fullName: "В", schoolCode: "S", position: "учитель", birthDate: LocalDate(year: 2001, month: 1, day: 1),
            teachingSince: LocalDate(year: 2024, month: 9, day: 1))
        // Under 35 with 13 years of work: the old rule counted them.
        #expect(!young.isEarlyCareer(asOf: Self.day))
        #expect(!newcomer.isEarlyCareer(asOf: Self.day))
        #expect(both.isEarlyCareer(asOf: Self.day))
        let either = EarlyCareerRule(bothConditions: false)
        #expect(young.isEarlyCareer(asOf: Self.day, rule: either))
        #expect(newcomer.isEarlyCareer(asOf: Self.day, rule: either))
        // The age limit is a setting.
        let thirty = EarlyCareerRule(settings: SettingValues(stored: [Settings.earlyCareerAgeLimit.id: "25"]))
        #expect(thirty.ageLimit == 25)
        #expect(!both.isEarlyCareer(asOf: Self.day, rule: thirty))
        #expect(EarlyCareerRule(settings: SettingValues()) == EarlyCareerRule())
    }

    /// «Педстаж, лет» as of the file's date becomes a date: a year later the person has a year more.
    @Test func statedExperienceAges() {
        let fileDate = LocalDate(year: 2024, month: 9, day: 1)!
        let start = StaffMember.teachingStart(experienceYears: 1, asOf: fileDate)
        #expect(start == LocalDate(year: 2023, month: 9, day: 1))
        #expect(
            StaffMember.teachingStart(experienceYears: 2.5, asOf: fileDate) == LocalDate(year: 2022, month: 3, day: 1))
        let member = StaffMember(
            fullName: "А", schoolCode: "S", position: "учитель", birthDate: LocalDate(year: 2000, month: 1, day: 1),
            teachingSince: start, experienceYears: 1)
        #expect(member.isEarlyCareer(asOf: fileDate))
        #expect(!member.isEarlyCareer(asOf: LocalDate(year: 2026, month: 9, day: 1)!))
    }

    @Test func teachingStartPropertyInvariant() async {
        await propertyCheck(input: Gen.int(in: 0...600), Self.dates) { months, date in
            let years = Double(months) / 12
            let start = StaffMember.teachingStart(experienceYears: years, asOf: date)
            #expect(start <= date)
            #expect(Double(start.wholeYears(until: date)) <= years + 0.001)
        }
    }

    // MARK: Attestation (приказ Минпросвещения № 196 от 24.03.2023)

    @Test func newCategoriesAreRead() {
        #expect(QualificationCategory(userValue: "педагог-методист") == .methodist)
        #expect(QualificationCategory(userValue: "Педагог - наставник") == .mentor)
        #expect(QualificationCategory.methodist.russian == "педагог-методист")
        // Granted after 01.09.2023: no term.
        #expect(
            Attestation.due(
                kind: .pedagogical, category: .methodist, since: LocalDate(year: 2024, month: 3, day: 1),
                postSince: nil, asOf: Self.day) == nil)
    }

    @Test func fitnessForPostConcernsPedagogicalWorkersOnly() {
        for kind in [PositionKind.leading, .other] {
            #expect(Attestation.due(kind: kind, category: nil, since: nil, postSince: nil, asOf: Self.day) == nil)
        }
        #expect(
            Attestation.due(kind: .pedagogical, category: nil, since: nil, postSince: nil, asOf: Self.day)
                == .fitnessForPost(nil, postSinceKnown: false))
    }

    /// Порядок, п. 21: less than two years in the post at this school — not attested; total
    /// experience does not matter.
    @Test func twoYearExemptionCountsTheYearsInThePost() {
        let appointed = LocalDate(year: 2025, month: 9, day: 1)!
        #expect(
            Attestation.due(kind: .pedagogical, category: .fitsPost, since: nil, postSince: appointed, asOf: Self.day)
                == .exemptNewInPost(until: LocalDate(year: 2027, month: 9, day: 1)!))
        let longAgo = LocalDate(year: 2019, month: 9, day: 1)!
        // Never attested, in the post since 2019: due from the day the two years ended (was: no date).
        #expect(
            Attestation.due(kind: .pedagogical, category: nil, since: nil, postSince: longAgo, asOf: Self.day)
                == .fitnessForPost(LocalDate(year: 2021, month: 9, day: 1), postSinceKnown: true))
        #expect(
            Attestation.due(
                kind: .pedagogical, category: .fitsPost, since: LocalDate(year: 2022, month: 3, day: 1),
                postSince: longAgo, asOf: Self.day)
                == .fitnessForPost(LocalDate(year: 2027, month: 3, day: 1), postSinceKnown: true))
    }

    @Test func categoryBeforeSeptember2023Expires() {
        #expect(
            Attestation.due(
                kind: .pedagogical, category: .highest, since: LocalDate(year: 2021, month: 12, day: 1),
                postSince: nil, asOf: Self.day) == .categoryExpires(LocalDate(year: 2026, month: 12, day: 1)!))
    }
}

/// Review R1: the early-career rule says itself in words, for the report's titles.
@Suite struct EarlyCareerWordsTests {
    @Test func theRuleInWordsFollowsItsSettings() {
        #expect(EarlyCareerRule().russian == "до 35 лет в первые 3 года педагогической работы")
        #expect(
            EarlyCareerRule(ageLimit: 31, years: 5, bothConditions: false).russian
                == "до 31 года или в первые 5 лет педагогической работы")
        #expect(EarlyCareerRule(ageLimit: 30, years: 1).russian == "до 30 лет в первые 1 год педагогической работы")
    }
}
