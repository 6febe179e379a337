import NastavnikCore
import Testing

/// The ОКТМО code and the name of a municipality's identity (issue 22).
@Suite struct MunicipalityIdentityTests {
    @Test(arguments: [
        ("81618000", "81618000"), ("81 618 000", "81618000"), ("81618-000", "81618000"),
        ("81618151051", "81618151051"),
    ])
    func anOKTMOCodeOf8Or11DigitsIsTaken(text: String, code: String) throws {
        #expect(try MunicipalityIdentity.oktmo(text).get() == code)
    }

    @Test(arguments: ["8161800", "816180001", "8161800A", "", "   "])
    func anythingElseIsRefusedInRussianNamingTheValue(text: String) {
        guard case .failure(let error) = MunicipalityIdentity.oktmo(text) else {
            Issue.record("«\(text)» taken as ОКТМО")
            return
        }
        #expect(
            error.message.contains(
                text.trimmingCharacters(in: .whitespaces).isEmpty ? "Укажите код ОКТМО" : "«\(text)»"))
    }

    @Test func aNameIsTrimmedAndMayNotBeEmpty() throws {
        #expect(try MunicipalityIdentity.name("  МО  «Заиграевский район» ").get() == "МО «Заиграевский район»")
        #expect((try? MunicipalityIdentity.name(" \t").get()) == nil)
        #expect((try? MunicipalityIdentity.name(String(repeating: "я", count: 301)).get()) == nil)
    }
}
