import Foundation
import Testing

@testable import NastavnikCLI

/// `nastavnik municipality set|show`: the identity a region will know the database by.
@Suite struct MunicipalityCommandTests {
    @Test func setOnceThenShowInTextAndJSON() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("m.sqlite")
        let before = await run(["municipality", "show", "--db", db])
        #expect(before.status != 0)
        let set = await run(["municipality", "set", "--oktmo", "81618000", "--name", "Заиграевский район", "--db", db])
        #expect(set.status == 0, "\(set.err)")
        #expect(set.out.hasPrefix("Идентичность муниципалитета задана: Заиграевский район, ОКТМО 81618000, UUID "))
        let shown = try jsonObject((await run(["municipality", "--format", "json", "--db", db])).out)
        #expect(shown["oktmo"] as? String == "81618000" && shown["name"] as? String == "Заиграевский район")
        let id = try #require(shown["id"] as? String)
        #expect(set.out.contains(id))
        let other = await run(["municipality", "set", "--oktmo", "07701000", "--name", "Другой", "--db", db])
        #expect(other.status != 0 && other.err.contains("уже задан ОКТМО 81618000"), "\(other.err)")
        let bad = await run(["municipality", "set", "--oktmo", "81-61", "--name", "Район", "--db", db])
        #expect(bad.status != 0 && bad.err.contains("«81-61» — не код ОКТМО"), "\(bad.err)")
        let again = try jsonObject((await run(["municipality", "show", "--format", "json", "--db", db])).out)
        #expect(again["id"] as? String == id)
    }
}
