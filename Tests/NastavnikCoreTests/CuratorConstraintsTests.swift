import NastavnikCore
import Testing

@Suite struct CuratorConstraintsTests {
    let known: Set<String> = ["L1", "L2", "E1", "E2"]

    @Test func readsLocksAndForbiddenPairs() throws {
        let constraints = try CuratorConstraints(lock: [" L1 : E1 ", "L1:E1"], forbid: ["L2:E1"], known: known)
        #expect(constraints.locks == ["L1": "E1"])
        #expect(constraints.forbidden == ["L2:E1"])
    }

    @Test(arguments: [
        (["L1"], [String](), "Пара «L1» в --lock записывается как ШКОЛА:КУРАТОР."),
        (["L1:ZZ"], [], "Нет школы с кодом «ZZ» (--lock L1:ZZ)."),
        (["L1:L1"], [], "Школа не может курировать сама себя (--lock L1:L1)."),
        (["L1:E1", "L1:E2"], [], "Школа L1 закреплена дважды: за E1 и за E2."),
        ([], ["E1:"], "Пара «E1:» в --forbid записывается как ШКОЛА:КУРАТОР."),
    ])
    func refusesBadPairs(lock: [String], forbid: [String], message: String) {
        #expect(throws: CuratorConstraints.Refusal(message)) {
            try CuratorConstraints(lock: lock, forbid: forbid, known: known)
        }
    }

    @Test func aLockedPairMustBeAllowed() throws {
        func school(_ code: String, _ statuses: [SchoolStatus]) -> MatchSchool {
            MatchSchool(
                id: 0, code: code, name: code, municipality: nil, latitude: nil, longitude: nil, relative: [:],
                deficitShare: [:],
                capacity: 2, statuses: statuses)
        }
        let schools = [
            school("L1", [.lowResults]), school("L2", [.lowResults]), school("E1", [.effective]), school("E2", []),
        ]
        let allowed: Set<SchoolStatus> = [.effective]
        #expect(
            try CuratorConstraints(lock: ["L1:E1"], forbid: [], known: known).lockRefusal(
                schools: schools, allowed: allowed) == nil)
        let refusal = try CuratorConstraints(lock: ["L2:E2", "L1:E1"], forbid: [], known: known).lockRefusal(
            schools: schools, allowed: allowed)
        #expect(
            refusal?.message.hasPrefix("Пару L2:E2 (--lock) закрепить нельзя: школа E2 не может быть куратором") == true
        )
    }
}
