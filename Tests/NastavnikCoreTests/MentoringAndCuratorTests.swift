import PropertyBased
import Testing
@testable import NastavnikCore

/// A random municipality for the matching rules, built from one seed so a failure replays.
struct RandomMunicipality {
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    var staff: [MentoringPerson] = []
    var activeMentors: [String: Int] = [:]
    var activeMentees: [String: Int] = [:]
    var curatorsOf: [String: Set<String>] = [:]
    var schools: [MatchSchool] = []

    init(seed: Int) {
        var r = LCG(state: UInt64(seed) &+ 1)
        let subjects = ["математика", "русский язык", "история", "физика"]
        let categories: [QualificationCategory?] = [.highest, .first, .fitsPost, QualificationCategory.none, nil]
        let schoolCount = 1 + r.next(5)
        for s in 0..<schoolCount {
            let statuses: [SchoolStatus] = [[], [.lowResults], [.highRisk], [.moderateRisk], [.adverseSocial], [.effective], [.lowResults, .adverseSocial]][r.next(7)]
            schools.append(MatchSchool(id: Int64(s), code: "S\(s)", name: "Школа \(s)", municipality: r.next(2) == 0 ? "М" : nil,
                                       latitude: r.next(2) == 0 ? 50 + Double(r.next(100)) / 100 : nil, longitude: 40,
                                       relative: [subjects[r.next(4)]: Double(80 + r.next(40)) / 100], deficitShare: [:],
                                       capacity: r.next(3), statuses: statuses))
            if s > 0, r.next(3) == 0 { curatorsOf["S\(s)", default: []].insert("S\(r.next(s))") }
        }
        for i in 0..<(r.next(30)) {
            staff.append(MentoringPerson(id: "T\(i)", fullName: "Работник \(i)", schoolCode: "S\(r.next(schoolCount))",
                                         positionKind: PositionKind.allCases[r.next(PositionKind.allCases.count)],
                                         subjects: [subjects[r.next(4)]], category: categories[r.next(categories.count)],
                                         experience: Double(r.next(35)), earlyCareer: r.next(3) == 0, weakInDiagnostics: r.next(4) == 0,
                                         diagnosed: r.next(2) == 0))
        }
        for _ in 0..<r.next(10) where !staff.isEmpty {
            activeMentees[staff[r.next(staff.count)].id, default: 0] += 1
            activeMentors[staff[r.next(staff.count)].id, default: 0] += 1
        }
    }
}

@Suite struct MentorMatchingTests {
    func person(_ id: String, school: String = "S", kind: PositionKind = .pedagogical, category: QualificationCategory? = .highest,
                experience: Double = 20, early: Bool = false, subjects: [String] = ["математика"]) -> MentoringPerson {
        MentoringPerson(id: id, fullName: id, schoolCode: school, positionKind: kind, subjects: subjects, category: category,
                        experience: experience, earlyCareer: early, weakInDiagnostics: false, diagnosed: true)
    }

    /// A mentor with a first category and two active pairs has no place left (the old code
    /// gave every mentor their whole limit, whatever they already had).
    @Test func activePairsCountAgainstTheLimit() throws {
        let staff = [person("Y1", category: nil, experience: 1, early: true), person("M1", category: .first)]
        let full = try MentorMatching.suggest(staff: staff, activeMentors: [:], activeMentees: ["M1": 2], curatorsOf: [:],
                                              limits: MentorLimits(), includeMentored: false)
        #expect(full.count == 1 && full[0].mentor == nil)
        #expect(full[0].reason == MentorMatching.unassignedReason)
        let one = try MentorMatching.suggest(staff: staff, activeMentors: [:], activeMentees: ["M1": 1], curatorsOf: [:],
                                             limits: MentorLimits(), includeMentored: false)
        #expect(one[0].mentor?.id == "M1")
        // The limits are settings.
        let wider = MentorLimits(SettingValues(stored: [Settings.mentorLimitFirst.id: "3"]))
        #expect(wider.limit(.first) == 3 && wider.limit(.highest) == 3 && wider.limit(nil) == 1)
        #expect(try MentorMatching.suggest(staff: staff, activeMentors: [:], activeMentees: ["M1": 2], curatorsOf: [:],
                                           limits: wider, includeMentored: false)[0].mentor?.id == "M1")
    }

    @Test func aPairBreaksNoRule() {
        let today = LocalDate(year: 2026, month: 11, day: 22)!
        let start = LocalDate(year: 2026, month: 9, day: 1)!
        func problems(end: LocalDate? = nil, consent: LocalDate? = nil, mentorActive: Int = 0, menteeActive: Int = 0, second: Bool = false) -> [String] {
            MentorMatching.problems(start: start, end: end, consent: consent, today: today, mentorCategory: .first, mentorActive: mentorActive,
                                    menteeActive: menteeActive, second: second, limits: MentorLimits())
        }
        #expect(problems(end: LocalDate(year: 2027, month: 5, day: 31), consent: LocalDate(year: 2026, month: 8, day: 30)).isEmpty)
        #expect(problems(end: LocalDate(year: 2026, month: 8, day: 1)).first?.contains("раньше даты начала") == true)
        #expect(problems(consent: LocalDate(year: 2026, month: 12, day: 1)).first?.contains("ещё не наступила") == true)
        #expect(problems(consent: today).isEmpty)
        #expect(problems(mentorActive: 2).first?.contains("при пределе 2") == true)
        #expect(problems(mentorActive: 1).isEmpty)
        #expect(problems(menteeActive: 1).first?.contains("--second") == true)
        #expect(problems(menteeActive: 1, second: true).isEmpty)
    }

    /// Invariant: on any municipality, no mentor ends up over their limit counting the pairs
    /// already active, every suggested pair is in the own or a curator school, and every mentee
    /// has a mentor or a reason.
    @Test func noMentorIsOverTheLimit() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000)) { seed in
            let m = RandomMunicipality(seed: seed)
            let limits = MentorLimits()
            guard let suggestions = try? MentorMatching.suggest(staff: m.staff, activeMentors: m.activeMentors, activeMentees: m.activeMentees,
                                                                curatorsOf: m.curatorsOf, limits: limits, includeMentored: seed % 2 == 0)
            else { Issue.record("не решено: \(seed)"); return }
            var load = m.activeMentees
            for s in suggestions {
                #expect(MentorMatching.needsMentor(s.mentee))
                #expect(!s.reason.isEmpty)
                guard let mentor = s.mentor else { continue }
                #expect(MentorMatching.mayMentor(mentor) && mentor.id != s.mentee.id)
                #expect(mentor.schoolCode == s.mentee.schoolCode || m.curatorsOf[s.mentee.schoolCode]?.contains(mentor.schoolCode) == true)
                load[mentor.id, default: 0] += 1
            }
            for s in suggestions {
                guard let mentor = s.mentor else { continue }
                #expect(load[mentor.id]! <= limits.limit(mentor.category), "seed \(seed): \(mentor.id)")
            }
        }
    }
}

@Suite struct CuratorMatchingTests {
    func school(_ code: String, _ statuses: [SchoolStatus], capacity: Int = 2) -> MatchSchool {
        MatchSchool(id: Int64(code.hashValue), code: code, name: code, municipality: "М", latitude: nil, longitude: nil, relative: [:],
                    deficitShare: [:], capacity: capacity, statuses: statuses)
    }

    /// A ШНСУ school is offered a curator (the old code left it out).
    @Test func aSchoolInAdverseSocialConditionsGetsACurator() throws {
        let result = try CuratorMatching.suggest(schools: [school("A", [.adverseSocial]), school("E", [.effective])], existing: [], locks: [:],
                                                 forbidden: [], allowed: [.effective])
        #expect(result.map(\.school.code) == ["A"])
        #expect(result[0].curator?.code == "E")
    }

    @Test func onlyAllowedStatusesCurate() throws {
        let schools = [school("A", [.lowResults]), school("Z", [.moderateRisk]), school("N", [])]
        let none = try CuratorMatching.suggest(schools: schools, existing: [], locks: [:], forbidden: [], allowed: [.effective])
        #expect(none.allSatisfy { $0.curator == nil })
        #expect(none[0].reason.contains("нет ни одной школы, которая может быть куратором"))
        #expect(CuratorMatching.refusal(curator: schools[2], allowed: [.effective])?.contains("статуса нет") == true)
        #expect(CuratorMatching.refusal(curator: school("B", [.effective, .lowResults]), allowed: [.effective])?.contains("сама нуждается") == true)
        // The department may allow ЗУР schools to curate.
        let allowed = CuratorMatching.allowedStatuses(SettingValues(stored: [Settings.curatorStatuses.id: "эффективная, ЗУР"]))
        #expect(allowed == [.effective, .moderateRisk])
        let some = try CuratorMatching.suggest(schools: schools, existing: [], locks: [:], forbidden: [], allowed: allowed)
        #expect(some.first { $0.school.code == "A" }?.curator?.code == "Z")
        #expect(CuratorMatching.allowedStatuses(SettingValues()) == [.effective])
    }

    @Test func lockOntoASchoolThatMayNotCurateIsRefused() {
        let a = school("A", [.lowResults]), b = school("B", [.highRisk]), e = school("E", [.effective])
        #expect(CuratorMatching.lockRefusal(school: a, curator: b, allowed: [.effective])?.contains("не может быть куратором") == true)
        #expect(CuratorMatching.lockRefusal(school: e, curator: e, allowed: [.effective]) != nil)
        #expect(CuratorMatching.lockRefusal(school: school("F", [.effective]), curator: e, allowed: [.effective])?.contains("не нуждается") == true)
        #expect(CuratorMatching.lockRefusal(school: a, curator: e, allowed: [.effective]) == nil)
    }

    @Test func aSchoolWithoutACuratorGetsTheReason() throws {
        let schools = [school("A", [.lowResults]), school("B", [.highRisk]), school("E", [.effective], capacity: 1)]
        let full = try CuratorMatching.suggest(schools: schools, existing: [], locks: [:], forbidden: [], allowed: [.effective])
        #expect(full.filter { $0.curator == nil }.map(\.reason) == ["у всех возможных кураторов нет свободного места: увеличьте вместимость (--capacity или nastavnik curators capacity КОД N) или снимите запреты"])
        let forbidden = try CuratorMatching.suggest(schools: schools, existing: [], locks: [:], forbidden: ["A:E"], allowed: [.effective])
        #expect(forbidden.first { $0.school.code == "A" }?.reason.contains("--forbid") == true)
    }

    /// Invariant: every school that needs support has a curator or a reason; a curator has a
    /// status the department allows, is never the school itself and takes no more than its capacity.
    @Test func everySchoolNeedingSupportHasASuggestionOrAReason() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000)) { seed in
            let m = RandomMunicipality(seed: seed)
            let allowed: Set<SchoolStatus> = seed % 3 == 0 ? [.effective, .adverseSocial] : [.effective]
            guard let result = try? CuratorMatching.suggest(schools: m.schools, existing: [], locks: [:], forbidden: [], allowed: allowed)
            else { Issue.record("не решено: \(seed)"); return }
            #expect(Set(result.map(\.school.code)) == Set(m.schools.filter { $0.statuses.contains(where: \.needsSupport) }.map(\.code)))
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

extension MentorMatchingTests {
    /// With `--all`, a mentee's active mentor is not suggested again (it would count twice).
    @Test func anActivePairIsNotSuggestedAgain() throws {
        let staff = [person("Y1", category: nil, experience: 1, early: true), person("M1"), person("M2", category: .first)]
        let result = try MentorMatching.suggest(staff: staff, activeMentors: ["Y1": 1], activeMentees: ["M1": 1], curatorsOf: [:],
                                                limits: MentorLimits(), includeMentored: true, activePairs: ["M1|Y1"])
        #expect(result.first?.mentor?.id == "M2")
    }
}

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
        #expect(Plausibility.birthDateProblem(LocalDate(year: 2008, month: 11, day: 23)!, asOf: date)?.contains("меньше 18 лет") == true)
        #expect(Plausibility.birthDateProblem(LocalDate(year: 1926, month: 11, day: 22)!, asOf: date) == nil)
        #expect(Plausibility.birthDateProblem(LocalDate(year: 1925, month: 11, day: 21)!, asOf: date)?.contains("больше 100 лет") == true)
        #expect(Plausibility.birthDateProblem(LocalDate(year: 2027, month: 1, day: 1)!, asOf: date)?.contains("в будущем") == true)
        #expect(Plausibility.isExcelExponent("1,23457E+11") && Plausibility.isExcelExponent("7E+10"))
        #expect(!Plausibility.isExcelExponent("+7 900 123-45-67") && !Plausibility.isExcelExponent("T1"))
        #expect(Plausibility.contradiction(in: [.effective, .lowResults]) != nil)
        #expect(Plausibility.contradiction(in: [.effective, .adverseSocial]) == nil)
        #expect(Plausibility.contradiction(in: [.lowResults, .adverseSocial]) == nil)
        let known = ["функциональная грамотность", "формирующее оценивание", "работа с одарёнными детьми"]
        #expect(Plausibility.nearestTopics("функцональная грамотность", known: known).first == "функциональная грамотность")
        // A known topic, whatever its case, is no warning.
        #expect(Plausibility.nearestTopics("Формирующее оценивание", known: known).isEmpty)
        #expect(Plausibility.editDistance(Array("кот"), Array("кит")) == 1)
    }
}

/// Review R1: the overlap of two pairs, the one rule `assign` and `suggest` count by.
@Suite struct MentorPairOverlapTests {
    func d(_ s: String) -> LocalDate { LocalDate(parsing: s)! }

    @Test func pairsOverlapWhenSomeDayIsInBoth() {
        // A later open pair overlaps an open pair beginning now.
        #expect(MentorMatching.overlaps(start: d("2026-09-01"), end: nil, otherStart: d("2027-09-01"), otherEnd: nil))
        // One ending before the other begins does not.
        #expect(!MentorMatching.overlaps(start: d("2026-09-01"), end: d("2027-05-31"), otherStart: d("2027-09-01"), otherEnd: nil))
        #expect(!MentorMatching.overlaps(start: d("2026-09-01"), end: nil, otherStart: d("2025-09-01"), otherEnd: d("2026-08-31")))
        // The same day at both ends overlaps; unknown dates stretch without bound.
        #expect(MentorMatching.overlaps(start: d("2026-09-01"), end: nil, otherStart: nil, otherEnd: d("2026-09-01")))
        #expect(MentorMatching.overlaps(start: nil, end: nil, otherStart: nil, otherEnd: nil))
    }

    @Test func onlyPedagogicalAndLeadingWorkersFormPairs() {
        #expect(MentorMatching.kindProblem(mentorKind: .pedagogical, menteeKind: .pedagogical) == nil)
        #expect(MentorMatching.kindProblem(mentorKind: .leading, menteeKind: .leading) == nil)
        #expect(MentorMatching.kindProblem(mentorKind: .pedagogical, menteeKind: .other)?.contains("наставляемый") == true)
        #expect(MentorMatching.kindProblem(mentorKind: .other, menteeKind: .pedagogical)?.contains("наставник") == true)
    }
}

/// Review R1: the cut-offs of the curator cost are settings, not constants in the code.
@Suite struct CuratorCutoffsTests {
    func school(_ code: String, relative: [String: Double], deficits: [String: Double] = [:]) -> MatchSchool {
        MatchSchool(id: 1, code: code, name: code, municipality: "М", latitude: nil, longitude: nil, relative: relative,
                    deficitShare: deficits, capacity: 2)
    }

    @Test func theCostReadsItsCutoffsFromTheSettings() {
        let s = school("S", relative: ["математика": 0.97], deficits: ["оценивание": 0.15])
        let c = school("C", relative: ["математика": 0.99], deficits: ["оценивание": 0.5])
        // Defaults: 0,97 is not weak, 15 % is not frequent.
        let plain = CuratorCost.cost(school: s, curator: c, existing: false, cutoffs: CuratorCutoffs(SettingValues()))
        #expect(plain.uncoveredSubjects.isEmpty && plain.uncoveredDeficits.isEmpty)
        let stored = SettingValues(stored: [Settings.curatorWeakSubjectBelow.id: "1", Settings.curatorFrequentDeficit.id: "10",
                                            Settings.curatorStrongSubjectFrom.id: "1,1"])
        let strict = CuratorCost.cost(school: s, curator: c, existing: false, cutoffs: CuratorCutoffs(stored))
        #expect(strict.uncoveredSubjects == ["математика"])
        #expect(strict.uncoveredDeficits == ["оценивание"])
        #expect(Settings.named("curators.frequent_deficit")?.source == "решение по умолчанию")
    }
}
