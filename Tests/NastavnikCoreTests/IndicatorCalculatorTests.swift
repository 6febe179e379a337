import Testing

@testable import NastavnikCore

/// Each predefined indicator's formula against values computed by hand on a small municipality:
/// N is a НОР school, Z a ЗПР school, E an effective one (outside the НОР, ЗР population).
@Suite struct IndicatorCalculatorTests {
    let schools = [
        IndicatorSchool(code: "N", name: "Школа Н", statuses: [.lowResults]),
        IndicatorSchool(code: "Z", name: "Школа З", statuses: [.highRisk]),
        IndicatorSchool(code: "E", name: "Школа Э", statuses: [.effective]),
    ]

    func result(
        _ school: String, _ assessment: String, _ subject: String, year: Int = 2025, participants: Int?,
        mean: Double = 3, region: Double? = nil, fail: Double? = nil, top: Double? = nil, count2: Int? = nil,
        count5: Int? = nil, above70: Int? = nil
    ) -> AssessmentResult {
        AssessmentResult(
            schoolCode: school, year: year, assessment: assessment, subject: subject, participants: participants,
            meanScore: mean, regionMean: region, shareFail: fail, shareTop: top, count2: count2, count5: count5,
            above70: above70)
    }

    var inputs: IndicatorInputs {
        IndicatorInputs(
            schools: schools,
            results: [
                result("N", "ВПР", "Русский язык", participants: 20, mean: 3, region: 4, count2: 4, count5: 2),
                // Shares only: 10 % and 5 % of 20 are 2 and 1.
                result("N", "ВПР", "математика", participants: 20, mean: 3.5, region: 3.5, fail: 10, top: 5),
                result("N", "ВПР", "История", participants: 20, mean: 4, region: 4, count2: 10, count5: 10),
                result("Z", "ВПР", "русский язык", participants: 10, mean: 4, region: 4, count2: 1, count5: 3),
                result("E", "ВПР", "Русский язык", participants: 50, mean: 5, region: 4, count2: 0, count5: 40),
                result("N", "ОГЭ", "Математика", participants: 10, mean: 3, region: 4, count5: 2),
                result("Z", "ОГЭ", "Русский язык", participants: 5, mean: 4, region: 4, count5: 1),
                result("N", "ЕГЭ", "Физика", participants: 4, mean: 60, region: 50, above70: 1),
                result("N", "ЕГЭ", "Русский язык", participants: 6, mean: 70, region: 70, above70: 3),
                result("Z", "ЕГЭ", "Русский язык", participants: 5, mean: 50, region: 50),
                result("E", "ЕГЭ", "Русский язык", participants: 10, mean: 80, region: 64, above70: 9),
                result("E", "ОГЭ", "Русский язык", year: 2023, participants: 10, mean: 5, region: 4),
                result("N", "ЕГЭ", "Русский язык", year: 2022, participants: 10, mean: 10, region: 100),
            ],
            social: [
                SocialContext(
                    schoolCode: "N", year: 2025, pupils: 200, ovzPupils: 10, ovzAdapted: 8, repeaters: 4, leavers9: 20,
                    certificates9: 18, leavers11: 10, certificates11: 10),
                SocialContext(
                    schoolCode: "Z", year: 2025, pupils: 100, ovzPupils: 5, ovzAdapted: 5, repeaters: 1, leavers9: 10,
                    certificates9: 9),
                SocialContext(
                    schoolCode: "E", year: 2025, pupils: 300, ovzPupils: 20, ovzAdapted: 10, repeaters: 9,
                    leavers9: 30, certificates9: 30, leavers11: 15, certificates11: 14),
                SocialContext(schoolCode: "E", year: 2024, pupils: 1, repeaters: 1),
            ],
            staff: [
                2025: [
                    line("N", staff: 10, trained: 7, aboveBoth: 3), line("Z", staff: 5, trained: 5, aboveBoth: 5),
                    line("E", staff: 20, trained: 10, aboveBoth: 20),
                ]
            ])
    }

    func line(_ code: String, staff: Int, trained: Int, aboveBoth: Int) -> StaffIndicators.Line {
        StaffIndicators.Line(
            code: code, name: code, lowResults: code == "N", staff: staff, trained: trained, diagnosed: staff,
            aboveSubject: aboveBoth, aboveMethodological: aboveBoth, reached: [:], aboveBoth: aboveBoth)
    }

    func figure(_ code: String, school: String? = nil) -> IndicatorFigure? {
        let formula = TargetIndicator.predefined(code: code)!.formula!
        return IndicatorCalculator.figures(formula, year: 2025, inputs: inputs).first { $0.schoolCode == school }
    }

    func expect(_ code: String, _ numerator: Double, _ denominator: Double, school: String? = nil) {
        let f = figure(code, school: school)
        #expect(abs((f?.numerator ?? -1) - numerator) < 1e-9, "\(code) numerator")
        #expect(f?.denominator == denominator, "\(code) denominator")
    }

    /// 1.1: (18 + 10 + 9 + 30 + 14) of (20 + 10 + 10 + 30 + 15) leavers, every school.
    @Test func certificates() {
        expect("1.1", 81, 85)
        #expect(abs(figure("1.1")!.value! - 8100.0 / 85) < 1e-9)
        expect("1.1", 28, 30, school: "N")
    }

    /// 1.2: «2» in Russian and maths at ВПР of N and Z: 4 + 2 (10 % of 20) + 1 of 50; history and E aside.
    @Test func vprFail() {
        expect("1.2", 7, 50)
        #expect(figure("1.2")!.value == 14)
        #expect(figure("1.2")!.fromShares)
        #expect(figure("1.2", school: "Z")!.fromShares == false)
        #expect(figure("1.2", school: "E") == nil)
    }

    /// 1.3: repeaters of N and Z: 5 of 300 pupils.
    @Test func repeaters() { expect("1.3", 5, 300) }

    /// 1.4: adapted programmes of every school: 23 of 35 pupils with ОВЗ.
    @Test func ovzAdapted() { expect("1.4", 23, 35) }

    /// 2.1: «5» at ВПР: 2 + 1 (5 % of 20) + 3 of 50.
    @Test func vprTop() {
        expect("2.1", 6, 50)
        #expect(figure("2.1")!.value == 12)
    }

    /// 2.2: «5» at ОГЭ in Russian and maths of N and Z: 3 of 15.
    @Test func ogeTop() {
        expect("2.2", 3, 15)
        #expect(abs(figure("2.2")!.value! - 20) < 1e-9)
    }

    /// 2.3: above 70 at ЕГЭ, every subject, of N (Z gives no count): 4 of 10.
    @Test func egeAbove70() {
        expect("2.3", 4, 10)
        #expect(figure("2.3", school: "Z") == nil)
    }

    /// 3.1 over every school's staff; 3.2 over the НОР school's only.
    @Test func staff() {
        expect("3.1", 22, 35)
        expect("3.2", 3, 10)
        #expect(figure("3.2")!.value == 30)
        #expect(figure("3.2", school: "Z") == nil)
    }

    /// 3.2 is a diagnostic's figure: a НОР school none of whose workers was diagnosed has none
    /// (not 0 %), while 3.1 still counts it.
    @Test func aSchoolWithoutADiagnosticHasNoFigureOf32() {
        var undiagnosed = line("N", staff: 10, trained: 7, aboveBoth: 0)
        undiagnosed.diagnosed = 0
        let inputs = IndicatorInputs(
            schools: self.inputs.schools, results: [], social: [], staff: [2025: [undiagnosed]])
        let formula = { (code: String) in TargetIndicator.predefined(code: code)!.formula! }
        #expect(IndicatorCalculator.figures(formula("3.2"), year: 2025, inputs: inputs).isEmpty)
        #expect(IndicatorCalculator.figures(formula("3.1"), year: 2025, inputs: inputs).first?.value == 70)
    }

    /// Ставрополь 1): relative scores at ЕГЭ and ОГЭ of 2023–2025 (2022 aside):
    /// 0.75, 1, 1.2, 1, 1, 1.25 (2025) and 1.25 (E's ОГЭ of 2023).
    @Test func relativeScoreOverThreeYears() {
        expect("СТ1", 7.45, 7)
        #expect(abs(figure("СТ1")!.value! - 7.45 / 7) < 1e-9)
        #expect(abs(figure("СТ1", school: "E")!.value! - 1.25) < 1e-9)
    }

    /// Ставрополь 2): the 2025 ГИА ratios less one: −0.25 + 0 + 0.2 + 0 + 0 + 0.25 over 6.
    @Test func deviationFromOne() {
        expect("СТ2", 0.2, 6)
        #expect(abs(figure("СТ2", school: "N")!.value! - (-0.05 / 3)) < 1e-9)
    }

    /// Ставрополь 4): the ВПР ratios 0.75, 1, 1, 1, 1.25: a mean of 1.
    @Test func relativeScoreVPR() {
        expect("СТ4", 5, 5)
        #expect(abs(figure("СТ4", school: "N")!.value! - 2.75 / 3) < 1e-9)
    }

    /// The report: target and direction, a hand-entered value where no data give one, the school rows.
    @Test func reportLines() {
        let records = IndicatorRecords(
            own: [TargetIndicator(code: "М1", name: "Своё", population: "школы")],
            baselines: [IndicatorValue(code: "1.2", year: 2023, value: 20)],
            targets: [
                IndicatorValue(code: "1.2", year: 2025, value: 15), IndicatorValue(code: "2.1", year: 2025, value: 15),
                IndicatorValue(code: "1.2", schoolCode: "Z", year: 2025, value: 5),
                IndicatorValue(code: "М1", year: 2025, value: 50),
            ],
            actuals: [
                IndicatorValue(code: "м1", year: 2025, value: 40), IndicatorValue(code: "1.2", year: 2025, value: 99),
            ])
        let lines = IndicatorReportLine.report(year: 2025, records: records, inputs: inputs)
        let fail = lines.first { $0.indicator.code == "1.2" && $0.schoolCode == nil }!
        #expect(fail.actual == 14 && fail.handEntered == false)
        #expect(fail.baseline?.value == 20 && fail.deviation == -1)
        // Lower is better: 14 against 15 is on track.
        #expect(fail.onTrack == true)
        let z = lines.first { $0.indicator.code == "1.2" && $0.schoolCode == "Z" }!
        #expect(z.actual == 10 && z.onTrack == false && z.baseline == nil)
        #expect(lines.first { $0.indicator.code == "2.1" && $0.schoolCode == nil }!.onTrack == false)
        let own = lines.first { $0.indicator.code == "М1" }!
        #expect(own.actual == 40 && own.handEntered && own.onTrack == false)
        #expect(lines.first { $0.indicator.code == "1.3" && $0.schoolCode == nil }!.onTrack == nil)
        let onlyZ = IndicatorReportLine.report(year: 2025, records: records, inputs: inputs, schoolCode: "Z")
        #expect(!onlyZ.isEmpty && onlyZ.allSatisfy { $0.schoolCode == "Z" })
        #expect(!onlyZ.contains { $0.indicator.code == "3.2" })
    }
}
