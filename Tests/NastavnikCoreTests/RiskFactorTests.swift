import NastavnikCore
import Testing

/// The «500+» risk profile's ten factors and three levels, as users and files name them.
@Suite struct RiskFactorTests {
    @Test func theTenFactorsAreNumberedInTheMethodologysOrder() {
        #expect(RiskFactor.allCases.map(\.rawValue) == Array(1...10))
        #expect(RiskFactor(rawValue: 2)?.russian == "Дефицит педагогических кадров")
        #expect(RiskFactor(rawValue: 9)?.russian == "Высокая доля обучающихся с ОВЗ")
        #expect(Set(RiskFactor.allCases.map(\.russian)).count == 10)
    }

    @Test(arguments: [
        ("3", RiskFactor.teacherCompetence), ("№ 10", .languageBarriers), (" 7. ", .parentalInvolvement),
        ("дефицит  педагогических КАДРОВ", .staffShortage),
        ("Низкая материально-техническая оснащенность", .materialResources),
        ("высокая доля обучающихся с овз", .specialNeedsShare),
    ])
    func aFactorIsNamedByItsNumberOrItsName(text: String, factor: RiskFactor) {
        #expect(RiskFactor(userValue: text) == factor)
    }

    @Test(arguments: ["0", "11", "", "дефицит", "3a", "-1"])
    func anythingElseIsNoFactorAndTheMessageNamesAllTen(text: String) {
        #expect(RiskFactor(userValue: text) == nil)
        let message = RiskFactor.unknown(text)
        #expect(message.hasPrefix("«\(text)» — не фактор риска; укажите номер от 1 до 10 или название: 1 — "))
        #expect(RiskFactor.allCases.allSatisfy { message.contains("\($0.rawValue) — \($0.russian)") })
    }

    @Test(arguments: [
        ("высокий", RiskLevel.high), ("Высокий риск", .high), ("высокая", .high), ("HIGH", .high),
        ("средний", .medium), ("средняя", .medium), ("medium", .medium), ("низкий", .low), ("Низкий риск", .low),
        ("low", .low),
    ])
    func aLevelIsNamedInAProfilesWordsOrTheJSONs(text: String, level: RiskLevel) {
        #expect(RiskLevel(userValue: text) == level)
    }

    @Test(arguments: ["", "очень высокий", "высоковатый уровень", "нет", "2"])
    func anythingElseIsNoLevel(text: String) {
        #expect(RiskLevel(userValue: text) == nil)
    }

    @Test func theLevelsWordsAreTheProfilesAndTheJSONsStable() {
        #expect(RiskLevel.allCases.map(\.russian) == ["высокий", "средний", "низкий"])
        #expect(RiskLevel.allCases.map(\.rawValue) == ["high", "medium", "low"])
    }
}
