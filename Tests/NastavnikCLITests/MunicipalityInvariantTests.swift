import Foundation
import NastavnikCore
import PropertyBased
import Testing

/// Invariants of the rules, checked on random municipalities imported through the real files
/// and the real commands (issue #16's «Proof»): each run builds a new municipality from a seed,
/// so a failure names the seed that reproduces it.
@Suite struct MunicipalityInvariantTests {
    /// A municipality imported into a fresh database; the files go through `nastavnik import`.
    struct Loaded {
        let sandbox: CLISandbox
        let db: String
        let town: RandomMunicipality
    }

    static let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    static func load(seed: UInt64) throws -> Loaded {
        let sandbox = try CLISandbox()
        let db = sandbox.path("m.sqlite")
        let town = RandomMunicipality(seed: seed, asOf: asOf)
        for file in town.files {
            let path = sandbox.write(file.name, file.text)
            let result = run(["import", file.kind, path, "--db", db])
            #expect(result.status == 0, "seed \(seed): import \(file.kind): \(result.err)")
        }
        return Loaded(sandbox: sandbox, db: db, town: town)
    }

    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func everyPedagogicalAndLeadingWorkerHasATrainingStatus() async throws {
        await propertyCheck(count: 8, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            do {
                let loaded = try Self.load(seed: UInt64(seed))
                let result = run(["training", "status", "--db", loaded.db, "--as-of", Self.asOf.russian, "--format", "json"])
                #expect(result.status == 0, "\(result.err)")
                let listed = Set(try Self.jsonArray(result.out).compactMap { $0["staff_id"] as? String })
                let expected = Set(loaded.town.people.filter { $0.kind != .other }.map(\.id))
                #expect(listed == expected, "seed \(seed): missing \(expected.subtracting(listed).sorted()), extra \(listed.subtracting(expected).sorted())")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
