import PropertyBased
import Testing

@testable import NastavnikCore

@Suite struct CuratorMatchingTests {
    func school(_ code: String, _ statuses: [SchoolStatus], capacity: Int = 2) -> MatchSchool {
        MatchSchool(
            id: Int64(code.hashValue), code: code, name: code, municipality: "М", latitude: nil, longitude: nil,
            relative: [:],
            deficitShare: [:], capacity: capacity, statuses: statuses)
    }

    /// A ШНСУ school is offered a curator (the old code left it out).
    @Test func aSchoolInAdverseSocialConditionsGetsACurator() throws {
        let result = try CuratorMatching.suggest(
            schools: [school("A", [.adverseSocial]), school("E", [.effective])], existing: [], locks: [:],
            forbidden: [], allowed: [.effective])
        #expect(result.map(\.school.code) == ["A"])
        #expect(result[0].curator?.code == "E")
    }

    @Test func onlyAllowedStatusesCurate() throws {
        let schools = [school("A", [.lowResults]), school("Z", [.moderateRisk]), school("N", [])]
        let none = try CuratorMatching.suggest(
            schools: schools, existing: [], locks: [:], forbidden: [], allowed: [.effective])
        #expect(none.allSatisfy { $0.curator == nil })
        #expect(none[0].reason.contains("нет ни одной школы, которая может быть куратором"))
        #expect(CuratorMatching.refusal(curator: schools[2], allowed: [.effective])?.contains("статуса нет") == true)
        #expect(
            CuratorMatching.refusal(curator: school("B", [.effective, .lowResults]), allowed: [.effective])?.contains(
                "сама нуждается") == true)
        // The department may allow ЗУР schools to curate.
        let allowed = CuratorMatching.allowedStatuses(
            SettingValues(stored: [Settings.curatorStatuses.id: "эффективная, ЗУР"]))
        #expect(allowed == [.effective, .moderateRisk])
        let some = try CuratorMatching.suggest(
            schools: schools, existing: [], locks: [:], forbidden: [], allowed: allowed)
        #expect(some.first { $0.school.code == "A" }?.curator?.code == "Z")
        #expect(CuratorMatching.allowedStatuses(SettingValues()) == [.effective])
    }

    @Test func lockOntoASchoolThatMayNotCurateIsRefused() {
        let a = school("A", [.lowResults])
        let b = school("B", [.highRisk])
        let e = school("E", [.effective])
        #expect(
            CuratorMatching.lockRefusal(school: a, curator: b, allowed: [.effective])?.contains(
                "не может быть куратором") == true)
        #expect(CuratorMatching.lockRefusal(school: e, curator: e, allowed: [.effective]) != nil)
        #expect(
            CuratorMatching.lockRefusal(school: school("F", [.effective]), curator: e, allowed: [.effective])?.contains(
                "не нуждается") == true)
        #expect(CuratorMatching.lockRefusal(school: a, curator: e, allowed: [.effective]) == nil)
    }

    @Test func aSchoolWithoutACuratorGetsTheReason() throws {
        let schools = [school("A", [.lowResults]), school("B", [.highRisk]), school("E", [.effective], capacity: 1)]
        let full = try CuratorMatching.suggest(
            schools: schools, existing: [], locks: [:], forbidden: [], allowed: [.effective])
        #expect(
            full.filter { $0.curator == nil }.map(\.reason) == [
                "у всех возможных кураторов нет свободного места: увеличьте вместимость (--capacity или nastavnik curators capacity КОД N) или снимите запреты"
            ])
        let forbidden = try CuratorMatching.suggest(
            schools: schools, existing: [], locks: [:], forbidden: ["A:E"], allowed: [.effective])
        #expect(forbidden.first { $0.school.code == "A" }?.reason.contains("--forbid") == true)
    }

    /// Invariant: every school that needs support has a curator or a reason; a curator has a
    /// status the department allows, is never the school itself and takes no more than its capacity.
    @Test func everySchoolNeedingSupportHasASuggestionOrAReason() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000)) { seed in
            let m = RandomMunicipality(seed: seed)
            let allowed: Set<SchoolStatus> = seed % 3 == 0 ? [.effective, .adverseSocial] : [.effective]
            guard
                let result = try? CuratorMatching.suggest(
                    schools: m.schools, existing: [], locks: [:], forbidden: [], allowed: allowed)
            else {
                Issue.record("не решено: \(seed)")
                return
            }
            #expect(
                Set(result.map(\.school.code))
                    == Set(m.schools.filter { $0.statuses.contains(where: \.needsSupport) }.map(\.code)))
            var load: [String: Int] = [:]
            for s in result {
                #expect(!s.reason.isEmpty)
                guard let c = s.curator else { continue }
                #expect(c.code != s.school.code)
                #expect(CuratorMatching.refusal(curator: c, allowed: allowed) == nil)
                load[c.code, default: 0] += 1
                #expect(load[c.code]! <= c.capacity)
            }
        }
    }
}

/// Review R1: the cut-offs of the curator cost are settings, not constants in the code.
@Suite struct CuratorCutoffsTests {
    func school(_ code: String, relative: [String: Double], deficits: [String: Double] = [:]) -> MatchSchool {
        MatchSchool(
            id: 1, code: code, name: code, municipality: "М", latitude: nil, longitude: nil, relative: relative,
            deficitShare: deficits, capacity: 2)
    }

    @Test func theCostReadsItsCutoffsFromTheSettings() {
        let s = school("S", relative: ["математика": 0.97], deficits: ["оценивание": 0.15])
        let c = school("C", relative: ["математика": 0.99], deficits: ["оценивание": 0.5])
        // Defaults: 0,97 is not weak, 15 % is not frequent.
        let plain = CuratorCost.cost(school: s, curator: c, existing: false, cutoffs: CuratorCutoffs(SettingValues()))
        #expect(plain.uncoveredSubjects.isEmpty && plain.uncoveredDeficits.isEmpty)
        let stored = SettingValues(stored: [
            Settings.curatorWeakSubjectBelow.id: "1", Settings.curatorFrequentDeficit.id: "10",
            Settings.curatorStrongSubjectFrom.id: "1,1",
        ])
        let strict = CuratorCost.cost(school: s, curator: c, existing: false, cutoffs: CuratorCutoffs(stored))
        #expect(strict.uncoveredSubjects == ["математика"])
        #expect(strict.uncoveredDeficits == ["оценивание"])
        #expect(Settings.named("curators.frequent_deficit")?.source == "решение по умолчанию")
    }
}

/// The documented pair cost (`CuratorCost`): distance + 20 × weak subjects the curator is not
/// strong in + 10 × frequent deficits as frequent at the curator + 15 for a new pair.
@Suite struct CuratorCostTests {
    func school(
        _ code: String, municipality: String? = "М", latitude: Double? = nil, longitude: Double? = nil,
        relative: [String: Double] = [:], deficits: [String: Double] = [:], capacity: Int = 1,
        statuses: [SchoolStatus] = []
    ) -> MatchSchool {
        MatchSchool(
            id: Int64(code.unicodeScalars.reduce(0) { $0 * 31 + Int($1.value) }), code: code, name: code,
            municipality: municipality,
            latitude: latitude, longitude: longitude, relative: relative, deficitShare: deficits, capacity: capacity,
            statuses: statuses)
    }

    /// S is weak (< 0.95) in mathematics (0.90) and physics (0.80), not in Russian (1.00); C is
    /// strong (≥ 1.05) in mathematics only: physics stays uncovered, 20. S's frequent deficit
    /// (≥ 20 % of its teachers) «оценивание» (25 %) is as frequent at C (30 %): 10; «ГИА» (10 %)
    /// is not frequent. Same municipality without coordinates: 0 km. New pair: 15. Total 45;
    /// 30 for a pair that exists; 95 from another municipality (50 km).
    @Test func theCostIsTheDocumentedSum() {
        let s = school(
            "S", relative: ["математика": 0.90, "русский язык": 1.00, "физика": 0.80],
            deficits: ["оценивание": 0.25, "ГИА": 0.10])
        let c = school("C", relative: ["математика": 1.10, "физика": 1.00], deficits: ["оценивание": 0.30])
        let cost = CuratorCost.cost(school: s, curator: c, existing: false)
        #expect(cost.distance == 0 && cost.km == nil)
        #expect(cost.coveredSubjects == ["математика"])
        #expect(cost.uncoveredSubjects == ["физика"])
        #expect(cost.uncoveredDeficits == ["оценивание"])
        #expect(cost.continuity == 15)
        #expect(cost.total == 45)
        #expect(CuratorCost.cost(school: s, curator: c, existing: true).total == 30)
        #expect(
            CuratorCost.cost(school: s, curator: school("F", municipality: "Другой"), existing: false).distance == 50)
        var far = c
        far.municipality = "Другой"
        #expect(CuratorCost.cost(school: s, curator: far, existing: false).total == 95)
    }

    /// With coordinates the distance is the great-circle one, rounded: a degree of latitude is
    /// 6 371 km × π / 180 ≈ 111.19 km.
    @Test func coordinatesGiveTheGreatCircleDistance() {
        #expect(abs(CuratorCost.haversineKm(50, 40, 51, 40) - 6371 * Double.pi / 180) < 1e-6)
        #expect(CuratorCost.haversineKm(50, 40, 50, 40) == 0)
        let cost = CuratorCost.cost(
            school: school("S", latitude: 50, longitude: 40), curator: school("C", latitude: 51, longitude: 40),
            existing: true)
        #expect(cost.distance == 111 && cost.total == 111)
    }

    /// Two supported schools, two curators of capacity 1: each school gets the curator of its own
    /// municipality (15 + 15) rather than the other (65 + 65); a school with no free curator gets the reason.
    @Test func theCheapestPairsWithinCapacity() throws {
        let schools = [
            school("A", municipality: "М", statuses: [.lowResults]),
            school("B", municipality: "Н", statuses: [.highRisk]),
            school("E1", municipality: "М", statuses: [.effective]),
            school("E2", municipality: "Н", statuses: [.effective]),
        ]
        let allowed = CuratorMatching.allowedStatuses(SettingValues())
        let result = try CuratorMatching.suggest(
            schools: schools, existing: [], locks: [:], forbidden: [], allowed: allowed)
        #expect(result.map { "\($0.school.code)→\($0.curator?.code ?? "-")" } == ["A→E1", "B→E2"])
        #expect(result.map { $0.cost?.total } == [15, 15])
        // E1 forbidden for A: crossing (65 + 65) beats leaving A without a curator (100 000).
        let crossed = try CuratorMatching.suggest(
            schools: schools, existing: [], locks: [:], forbidden: ["A:E1"], allowed: allowed)
        #expect(crossed.map { $0.curator?.code } == ["E2", "E1"])
        #expect(crossed.map { $0.cost?.total } == [65, 65])
        // E1 forbidden for both: E2's one place goes to B (15 < 65), A gets the reason.
        let full = try CuratorMatching.suggest(
            schools: schools, existing: [], locks: [:], forbidden: ["A:E1", "B:E1"], allowed: allowed)
        #expect(full.map { $0.curator?.code } == [nil, "E2"])
        #expect(full[0].reason.hasPrefix("у всех возможных кураторов нет свободного места"))
    }
}
