import PropertyBased
import Testing

@testable import NastavnikCore

@Suite struct SchoolClassifierTests {
    func school(_ results: [ClassifiedResult], code: String = "A", official: [SchoolStatus] = []) -> ClassifiedSchool {
        ClassifiedSchool(code: code, name: "Школа \(code)", results: results, social: nil, official: official)
    }

    func school(code: String, _ results: [ClassifiedResult]) -> ClassifiedSchool { school(results, code: code) }

    func gia(_ year: Int, _ subject: String, _ ratio: Double, procedure: String = "ОГЭ") -> ClassifiedResult {
        ClassifiedResult(
            year: year, assessment: procedure, subject: subject, participants: 20, mean: 4 * ratio, regionMean: 4)
    }

    func vpr(_ year: Int, _ grade: String, _ ratio: Double, region: Double? = 3.6) -> ClassifiedResult {
        ClassifiedResult(
            year: year, assessment: "ВПР", subject: "математика", grade: grade, participants: 25,
            mean: 3.6 * ratio, regionMean: region)
    }

    /// A school at 0,85 on ГИА is НОР, however well its (more numerous) ВПР rows look.
    @Test func vprDoesNotDecide() {
        var results = [
            gia(2023, "математика", 0.85), gia(2024, "русский язык", 0.85, procedure: "ЕГЭ"),
            gia(2025, "математика", 0.85),
        ]
        for year in 2023...2025 { for grade in ["4", "5", "6", "7", "8"] { results.append(vpr(year, grade, 1.05)) } }
        let c = ClassificationRules().classify(school(results))
        #expect(c.statuses == [.lowResults])
        #expect(abs((c.relative ?? 0) - 0.85) < 1e-9)
        #expect(abs((c.deviation ?? 0) + 0.15) < 1e-9)
        #expect(abs((c.otherRelative ?? 0) - 1.05) < 1e-9)
        #expect(c.determiningCount == 3)
        #expect(c.otherCount == 15)
        // The cut-off is named as a setting.
        #expect(
            c.reasons[0]
                == "средний относительный балл ЕГЭ, ОГЭ 0,85 < 0,9 (настройка classification.low_results) — НОР")
    }

    /// The mean is of every ratio (Ставрополь: «среднее арифметическое»), not of yearly means.
    @Test func theRelativeScoreIsTheMeanOfEveryRatio() {
        let results = [gia(2024, "математика", 0.8), gia(2024, "русский язык", 0.9), gia(2025, "математика", 1.1)]
        let c = ClassificationRules().classify(school(results))
        #expect(abs((c.relative ?? 0) - 2.8 / 3) < 1e-9)
        #expect(abs((c.trend ?? 0) - (1.1 - 0.85)) < 1e-9)
    }

    @Test func aMissingRegionMeanIsSaidAndLeftOutByDefault() {
        let a = school(
            code: "A",
            [
                ClassifiedResult(
                    year: 2024, assessment: "ОГЭ", subject: "математика", grade: "9", mean: 3, regionMean: nil)
            ])
        let b = school(
            code: "B",
            [
                ClassifiedResult(
                    year: 2024, assessment: "ОГЭ", subject: "математика", grade: "9", mean: 4, regionMean: nil)
            ])
        let out = ClassificationRules().classify([a, b])
        #expect(out[0].relative == nil)
        #expect(out[0].statuses.isEmpty)
        #expect(
            out[0].reasons.contains(
                "нет результатов ЕГЭ, ОГЭ с относительным баллом — статус по результатам не определён"))
        #expect(
            out[0].reasons.contains(
                "нет среднего балла по региону: ОГЭ 2024, математика, 9 кл. — не учтены (настройка classification.missing_region_mean)"
            ))
        // With the setting, the municipality's mean (3,5) stands in, and the reason says so.
        let settings = SettingValues(stored: [Settings.classificationMissingRegionMean.id: Settings.municipalMeanChoice]
        )
        let replaced = ClassificationRules(settings: settings).classify([a, b])
        #expect(abs((replaced[0].relative ?? 0) - 3 / 3.5) < 1e-9)
        #expect(replaced[0].statuses == [.lowResults])
        #expect(replaced[0].reasons.contains { $0.contains("взят средний балл по муниципалитету (1 из 1") })
    }

    @Test func cutOffsComeFromTheSettingsAndOptions() {
        let results = [gia(2024, "математика", 0.93), gia(2025, "математика", 0.93)]
        #expect(ClassificationRules().classify(school(results)).statuses == [.highRisk])
        let settings = SettingValues(stored: [Settings.classificationLowResults.id: "0.95"])
        let c = ClassificationRules(settings: settings).classify(school(results))
        #expect(c.statuses == [.lowResults])
        var rules = ClassificationRules()
        rules.lowResults = .init(0.94, origin: "--low")
        #expect(rules.classify(school(results)).reasons[0].contains("(--low)"))
        // ВПР can be made determining by the department.
        let vprOnly = school([vpr(2024, "5", 0.8)])
        #expect(ClassificationRules().classify(vprOnly).statuses.isEmpty)
        let withVPR = SettingValues(stored: [Settings.classificationDetermining.id: "ЕГЭ, ОГЭ, ВПР"])
        #expect(ClassificationRules(settings: withVPR).classify(vprOnly).statuses == [.lowResults])
    }

    @Test func fallingResultsAndSocialContext() {
        let falling = [gia(2023, "математика", 1.02), gia(2025, "математика", 0.96)]
        let c = ClassificationRules().classify(school(falling))
        #expect(c.statuses == [.highRisk])
        #expect(c.reasons[0].contains("снизился на 0,06"))
        var s = school([gia(2024, "математика", 1.0)])
        s.social = SocialContext(schoolCode: "A", year: 2024, hardshipShare: 40, singleParentShare: 35)
        let social = ClassificationRules().classify(s)
        #expect(social.statuses == [.adverseSocial])
        #expect(
            social.reasons.contains(
                "индекс социального неблагополучия 37,5 ≥ 30 (настройка classification.adverse_social) — ШНСУ"))
    }

    /// Invariant: adding, removing or changing ВПР rows (or any non-determining procedure)
    /// never changes a school's status, its determining score or its rank among schools.
    @Test func vprNeverChangesTheDeterminedStatus() async {
        await propertyCheck(
            input: Gen.double(in: 0.6...1.3).array(of: 0...9), Gen.double(in: 0.3...1.6).array(of: 1...20),
            Gen.bool
        ) { ratios, vprRatios, regionKnown in
            let determining = ratios.enumerated().map { i, r in
                gia(
                    2023 + i % 3, i % 2 == 0 ? "математика" : "русский язык", r,
                    procedure: i % 3 == 0 ? "ЕГЭ" : "ОГЭ")
            }
            let others = vprRatios.enumerated().map { i, r in
                vpr(2023 + i % 3, String(4 + i % 5), r, region: regionKnown ? 3.6 : nil)
            }
            for settings in [
                SettingValues(),
                SettingValues(stored: [Settings.classificationMissingRegionMean.id: Settings.municipalMeanChoice]),
            ] {
                let rules = ClassificationRules(settings: settings)
                let without = rules.classify([
                    school(code: "A", determining), school(code: "B", [gia(2024, "математика", 1)]),
                ])
                let with = rules.classify([
                    school(code: "A", determining + others), school(code: "B", [gia(2024, "математика", 1)] + others),
                ])
                #expect(without.map(\.statuses) == with.map(\.statuses))
                #expect(without.map(\.relative) == with.map(\.relative))
                #expect(without.map(\.trend) == with.map(\.trend))
            }
        }
    }
}

extension SchoolClassifierTests {
    /// The rating: best determining relative score first, ties by code; a school without one has no place.
    @Test func ratingPlacesByTheDeterminingScore() {
        let out = ClassificationRules().classify([
            school(code: "B", [gia(2024, "математика", 0.9)]),
            school(code: "A", [gia(2024, "математика", 0.9)]),
            school(code: "C", [gia(2024, "математика", 1.1)]),
            school(code: "D", []),
        ])
        #expect(SchoolClassification.rating(out) == ["C": 1, "A": 2, "B": 3])
    }
}
