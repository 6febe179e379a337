import PropertyBased
import Testing

@testable import NastavnikCore

@Suite struct PersonalDataRulesTests {
    @Test func ageBands() {
        let date = LocalDate(year: 2026, month: 11, day: 22)!
        #expect(PersonalData.ageBand(birth: LocalDate(year: 1984, month: 4, day: 15), asOf: date) == "40–49")
        #expect(PersonalData.ageBand(birth: LocalDate(year: 1986, month: 11, day: 23), asOf: date) == "30–39")
        #expect(PersonalData.ageBand(birth: LocalDate(year: 1986, month: 11, day: 22), asOf: date) == "40–49")
        #expect(PersonalData.ageBand(birth: nil, asOf: date) == nil)
    }

    @Test func theRegisterHoldsDigestsOnly() {
        var register = ErasureRegister(salt: "abc")
        register.insert(personKey: "id:T1")
        #expect(register.contains(personKey: "id:T1") && !register.contains(personKey: "id:T2"))
        #expect(!register.text.contains("T1"))
        #expect(ErasureRegister(text: register.text) == register)
        #expect(ErasureRegister(text: "salt abc\nid:T1\n") == nil)
        #expect(ErasureRegister(text: "") == nil)
        // Another installation's salt gives another digest.
        var other = ErasureRegister(salt: "xyz")
        other.insert(personKey: "id:T1")
        #expect(other.digests != register.digests)
    }

    @Test func plausibility() {
        let date = LocalDate(year: 2026, month: 11, day: 22)!
        #expect(Plausibility.birthDateProblem(LocalDate(year: 2008, month: 11, day: 22)!, asOf: date) == nil)
        #expect(
            Plausibility.birthDateProblem(LocalDate(year: 2008, month: 11, day: 23)!, asOf: date)?.contains(
                "меньше 18 лет") == true)
        #expect(Plausibility.birthDateProblem(LocalDate(year: 1926, month: 11, day: 22)!, asOf: date) == nil)
        #expect(
            Plausibility.birthDateProblem(LocalDate(year: 1925, month: 11, day: 21)!, asOf: date)?.contains(
                "больше 100 лет") == true)
        #expect(
            Plausibility.birthDateProblem(LocalDate(year: 2027, month: 1, day: 1)!, asOf: date)?.contains("в будущем")
                == true)
        #expect(Plausibility.isExcelExponent("1,23457E+11") && Plausibility.isExcelExponent("7E+10"))
        #expect(!Plausibility.isExcelExponent("+7 900 123-45-67") && !Plausibility.isExcelExponent("T1"))
        #expect(Plausibility.contradiction(in: [.effective, .lowResults]) != nil)
        #expect(Plausibility.contradiction(in: [.effective, .adverseSocial]) == nil)
        #expect(Plausibility.contradiction(in: [.lowResults, .adverseSocial]) == nil)
        let known = ["функциональная грамотность", "формирующее оценивание", "работа с одарёнными детьми"]
        #expect(
            Plausibility.nearestTopics("функцональная грамотность", known: known).first == "функциональная грамотность")
        // A known topic, whatever its case, is no warning.
        #expect(Plausibility.nearestTopics("Формирующее оценивание", known: known).isEmpty)
        #expect(Plausibility.editDistance(Array("кот"), Array("кит")) == 1)
    }
}
