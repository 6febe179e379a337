import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// The database's identity (v25): set once, its UUID permanent, audited.
@Suite struct MunicipalityStoreTests {
    func database() throws -> NastavnikDatabase { try auditedDatabase("municipality") }

    @Test func theIdentityIsSetOnceAndTheSameValuesChangeNothing() throws {
        let db = try database()
        #expect(try db.municipality() == nil)
        let first = try db.setMunicipality(oktmo: "81 618 000", name: "Заиграевский район")
        #expect(first.outcome == .added && first.identity.oktmo == "81618000")
        #expect(UUID(uuidString: first.identity.id) != nil && first.identity.id == first.identity.id.lowercased())
        let again = try db.setMunicipality(oktmo: "81618000", name: " Заиграевский  район ")
        #expect(again.outcome == .unchanged && again.identity == first.identity)
        #expect(try db.municipality() == first.identity)
        #expect(try db.auditEntries().filter { $0.table == "municipality" }.count == 1)
    }

    @Test func anotherOKTMOIsRefusedAndANameIsCorrectedOnlyWhenAsked() throws {
        let db = try database()
        let first = try db.setMunicipality(oktmo: "81618000", name: "Заиграевский раон").identity
        #expect {
            try db.setMunicipality(oktmo: "07701000", name: "Заиграевский раон")
        } throws: { ($0 as? StoreError)?.errorDescription?.contains("уже задан ОКТМО 81618000") == true }
        #expect {
            try db.setMunicipality(oktmo: "81618000", name: "Заиграевский район")
        } throws: { ($0 as? StoreError)?.errorDescription?.contains("--correct-name") == true }
        #expect(try db.municipality() == first)
        let corrected = try db.setMunicipality(oktmo: "81618000", name: "Заиграевский район", correctName: true)
        #expect(corrected.outcome == .changed && corrected.identity.id == first.id)
        #expect(try db.municipality()?.name == "Заиграевский район")
        #expect(try db.auditEntries().filter { $0.table == "municipality" }.count == 2)
    }

    @Test func badValuesAreRefusedNamingTheOptionAndNothingIsWritten() throws {
        let db = try database()
        #expect {
            try db.setMunicipality(oktmo: "8161800", name: "Район")
        } throws: { ($0 as? StoreError)?.errorDescription?.hasPrefix("--oktmo: «8161800» — не код ОКТМО") == true }
        #expect {
            try db.setMunicipality(oktmo: "81618000", name: "  ")
        } throws: { ($0 as? StoreError)?.errorDescription?.hasPrefix("--name:") == true }
        #expect(try db.municipality() == nil)
        // The table itself keeps the rules too.
        #expect(throws: DatabaseError.self) {
            try db.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO municipality VALUES (1, '00000000-0000-0000-0000-000000000000', '12AB5678', 'X', '')"
                )
            }
        }
    }
}
